using Twin.Core.IO;
using Twin.Core.Validation;
using Twin.Pipeline.IO;
using Twin.Pipeline.Maps;

namespace Twin.Pipeline.Tests.Maps;

public sealed class MapQuantityTests
{
    private static readonly Lazy<FeatureTable> Deep = new(() => RunDirectory.Open(Path.Combine(PipelineFixtures.SampleRunFolders, "deep-district-heat")).ReadBuildings());

    [Fact]
    public void ExtensiveQuantity_IsPerSquareMetreByDefault()
    {
        FeatureTable t = Deep.Value;
        MapValues perM2 = MapQuantity.Of(t, "co2_2050_kg", null), total = MapQuantity.Of(t, "co2_2050_kg", null, perSquareMetre: false);
        double[] area = MapQuantity.Numbers(t, "heated_floor_area_m2");
        int i = Array.FindIndex(total.Values, double.IsFinite);
        Assert.Equal(total.Values[i] / area[i], perM2.Values[i], 1e-9);
        Assert.Equal("CO₂ emissions in 2050 per m² heated floor area", perM2.Quantity);
        Assert.Equal("kg/(m²·a)", perM2.Unit);
        Assert.Equal("kg/a", total.Unit);
        Assert.Equal("Simple payback", MapQuantity.Of(t, "simple_payback_years", null).Quantity); // not extensive: as it is
    }

    [Fact]
    public void StateInAYear_IsAfterWhereRenovatedByThen()
    {
        FeatureTable t = Deep.Value;
        double[] before = MapQuantity.Numbers(t, "heat_need_before_kwh"), after = MapQuantity.Numbers(t, "heat_need_after_kwh"), year = MapQuantity.Numbers(t, "renovation_year");
        MapValues in2035 = MapQuantity.Of(t, "heat_need", 2035, perSquareMetre: false);
        Assert.Equal("Heat need for space heating in 2035", in2035.Quantity);
        int renovated = Array.FindIndex(year, y => y <= 2035), later = Array.FindIndex(year, y => y > 2035);
        Assert.Equal(after[renovated], in2035.Values[renovated]);
        Assert.Equal(before[later], in2035.Values[later]);
    }

    [Theory]
    [InlineData("co2_2050_kgg", null, "Did you mean 'co2_2050_kg'?")]
    [InlineData("heatneed", 2030, "Did you mean 'heat_need'?")]
    public void UnknownColumn_SaysWhatThereIs(string column, int? year, string expected)
    {
        DataIssue issue = Assert.Single(Assert.Throws<InputException>(() => MapQuantity.Of(Deep.Value, column, year)).Issues);
        Assert.Equal("--column", issue.Field);
        Assert.Contains(expected, issue.Hint, StringComparison.Ordinal);
        Assert.Contains("npv_eur (Net present value of renovating, EUR)", issue.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heat_need", null, "is a quantity with before and after columns", "--year YEAR")] // a stem needs a year
    [InlineData("heat_need_before_kwh", 2035, "is a column, not a quantity", "--column heat_need")] // a column needs none
    [InlineData("heat_need", 2070, "outside the run's horizon 2025–2050", "2025 to 2050")]
    [InlineData("package", null, "is text, not a number", "Numeric columns:")]
    public void ColumnYearMismatch_SaysWhatToGive(string column, int? year, string problem, string hint)
    {
        RunOutput run = RunDirectory.Open(Path.Combine(PipelineFixtures.SampleRunFolders, "deep-district-heat"));
        DataIssue issue = Assert.Single(Assert.Throws<InputException>(() => MapQuantity.Read(run, column, everything: false, year)).Issues);
        Assert.Contains(problem, issue.Message, StringComparison.Ordinal);
        Assert.Contains(hint, issue.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingSimulated_SaysWhyInsteadOfARange()
    {
        FeatureTable t = Deep.Value;
        int n = t.Count;
        var empty = new FeatureTable(t.SourcePath, "test", t.Crs, new NetTopologySuite.Geometries.Geometry?[n],
        [
            new AttributeColumn("building_id", AttributeType.Text, Enumerable.Range(0, n).Select(i => (object?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
            new AttributeColumn("simulated", AttributeType.Boolean, Enumerable.Repeat((object?)false, n).ToArray()),
            new AttributeColumn("not_simulated_reason", AttributeType.Text, Enumerable.Repeat((object?)"non-residential: no TABULA typology", n).ToArray()),
            AttributeColumn.FromNumbers("heated_floor_area_m2", Enumerable.Repeat(double.NaN, n).ToArray()),
            AttributeColumn.FromNumbers("co2_2050_kg", Enumerable.Repeat(double.NaN, n).ToArray()),
        ]);
        MapValues v = MapQuantity.Of(empty, "co2_2050_kg", null);
        Assert.False(v.HasValues);
        Assert.Equal($"no building of the run was simulated ({n:N0} × non-residential: no TABULA typology)", v.EmptyReason);
    }
}
