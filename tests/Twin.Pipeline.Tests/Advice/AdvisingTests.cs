using Twin.Core.Typologies;
using Twin.Core.Validation;
using Twin.Pipeline.Advice;

namespace Twin.Pipeline.Tests.Advice;

public sealed class AdvisingTests
{
    /// <summary>The virtual building of a type is TABULA's reference building scaled: q_h_nd as published, to rounding.</summary>
    public static TheoryData<string> PolishTypes() => [.. PipelineFixtures.Data.Simulation.Typologies.Types.Select(t => t.TypeCode)];

    [Theory]
    [MemberData(nameof(PolishTypes))]
    public void ForType_AnyFloorArea_HeatNeedPerM2IsTabulasPublished(string type)
    {
        TwinData data = PipelineFixtures.Data;
        Typology t = data.Simulation.Typologies.Types.Single(x => x.TypeCode == type);
        foreach (double area in new[] { t.ReferenceFloorAreaM2, 1800.0 })
        {
            AdviceReport report = Advising.ForType(data, PipelineFixtures.Scenario("advisor"), type, area, "gas-boiler", year: null);
            double perM2 = report.Packages[0].HeatNeedBeforeKWh / area;
            Assert.Equal(t.Existing.PublishedHeatNeedKWhPerM2, perM2, t.Existing.PublishedHeatNeedKWhPerM2 * 1e-9);
        }
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("PL", "names 26 types")]
    [InlineData("PL.N.MFH", "names 7 types")]
    [InlineData("PL.N.MFH.09", "is not a type")]
    public void ForType_CodeNamingNoOrSeveralTypes_IsAnError(string code, string expected)
    {
        var ex = Assert.Throws<InputException>(() => Advising.ForType(PipelineFixtures.Data, PipelineFixtures.Scenario("advisor"), code, 1800, null, null));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal("--typology", issue.Field);
        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 1960, "--floor-area")]
    [InlineData(5.0, 1960, "--floor-area")]
    [InlineData(1800.0, 2999, "--year")]
    [InlineData(1800.0, 12, "--year")]
    [InlineData(1800.0, 2010, "--year")] // MFH.02 is 1946–1966: the year would be ignored
    public void ForType_ImplausibleAreaOrYear_IsAnError(double area, int year, string option)
    {
        var ex = Assert.Throws<InputException>(() => Advising.ForType(PipelineFixtures.Data, PipelineFixtures.Scenario("advisor"), "PL.N.MFH.02", area, null, year));
        Assert.Equal(option, Assert.Single(ex.Issues).Field);
    }
}
