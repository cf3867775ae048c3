using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Stock;
using Twin.Core.Validation;

namespace Twin.Core.Tests.Loading;

/// <summary>The current heat generator and the renewal of walls, roof, floor and windows as a stock states them.</summary>
public sealed class CurrentStateTests
{
    private static readonly int Wall = (int)EnvelopeElement.Wall, Roof = (int)EnvelopeElement.Roof, Floor = (int)EnvelopeElement.Floor, Windows = (int)EnvelopeElement.Windows;

    [Fact]
    public void HeatingAndRenewal_ReadAsStated_BadValuesReportedAndLeftUnstated()
    {
        var mapping = AttributeMapping.Osm with { HeatingValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["gaz"] = "gas-boiler", ["MSC"] = "district-heat" } };
        string path = new GeoJsonFixture()
            .Box("\"id\":\"a\",\"building\":\"house\",\"start_date\":1960,\"heating\":\"coal_boiler\",\"windows_replaced\":2012,\"wall_insulated\":\"tak\"", 0, 0)
            .Box("\"id\":\"b\",\"building\":\"house\",\"start_date\":1960,\"heating\":\"Gaz\",\"roof_insulated_year\":\"nie\",\"floor_insulated\":true", 100, 0)
            .Box("\"id\":\"c\",\"building\":\"house\",\"start_date\":1960,\"heating\":\"coal-boiller\",\"windows_replaced\":1950", 200, 0)
            .Box("\"id\":\"d\",\"building\":\"house\",\"start_date\":1960,\"wall_insulated\":\"soon\"", 300, 0)
            .Box("\"id\":\"e\",\"building\":\"house\",\"start_date\":1960", 400, 0)
            .Write();
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog, new StockLoadOptions { Mapping = mapping });
        BuildingStock s = r.Stock;

        Assert.Equal(new string?[] { "coal-boiler", "gas-boiler", null, null, null }, s.Heating.AsEnumerable());
        const int N = BuildingStock.RenewalNotStated; // the engine's default shares apply to elements not stated
        Assert.Equal([2012, N, N, N, N], s.RenewedYear[Windows]); // c: 1950 is before construction, ignored
        Assert.Equal([BuildingStock.RenewedYearUnknown, N, N, N, N], s.RenewedYear[Wall]); // d: "soon" ignored
        Assert.Equal([N, 0, N, N, N], s.RenewedYear[Roof]); // b: "nie" is stated as not renewed
        Assert.Equal([N, BuildingStock.RenewedYearUnknown, N, N, N], s.RenewedYear[Floor]);
        Assert.Equal([AttributeSource.Observed, AttributeSource.Observed, AttributeSource.Missing, AttributeSource.Missing, AttributeSource.Missing], s.RenewalSource);
        Assert.True(s.RenewalStated(EnvelopeElement.Windows, 0) && !s.RenewalStated(EnvelopeElement.Roof, 0) && s.RenewalStated(EnvelopeElement.Roof, 1));

        DataIssue typo = Assert.Single(r.Issues, i => i.FeatureId == "c" && i.Field == "heating");
        Assert.Contains("did you mean 'coal-boiler'", typo.Message, StringComparison.Ordinal);
        DataIssue early = Assert.Single(r.Issues, i => i.FeatureId == "c" && i.Field == "windows_replaced");
        Assert.Contains("1950 is outside 1960", early.Message, StringComparison.Ordinal);
        DataIssue word = Assert.Single(r.Issues, i => i.FeatureId == "d" && i.Field == "wall_insulated");
        Assert.Contains("neither a year nor yes/no", word.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Issues, i => i.FeatureId is "a" or "b" or "e");
    }

    [Fact]
    public void MappingWhoseHeatingValueNamesNoGenerator_IsAnErrorWithTheJsonPath()
    {
        var ex = Assert.Throws<InputException>(() => AttributeMapping.Parse("{\"heatingValues\": {\"gaz\": \"gas-boyler\"}}", "m.json"));
        DataIssue i = Assert.Single(ex.Issues);
        Assert.Equal("$.heatingValues['gaz']", i.Field);
        Assert.Contains("did you mean 'gas-boiler'", i.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StockFile_WrittenAndReadBack_KeepsHeatingAndRenewal()
    {
        string path = new GeoJsonFixture()
            .Box("\"id\":\"a\",\"building\":\"house\",\"start_date\":1960,\"heating\":\"air-heat-pump\",\"windows_replaced\":2012,\"wall_insulated\":\"yes\"", 0, 0)
            .Box("\"id\":\"b\",\"building\":\"house\",\"start_date\":1960", 100, 0)
            .Write();
        BuildingStock s = StockLoader.Load(path, Fixtures.Catalog).Stock;
        string back = Path.Combine(TestPaths.NewTempDir(), "stock.geojson");
        GeoJsonWriter.Write(StockExport.ToTable(s, Fixtures.Catalog), back);
        BuildingStock t = StockLoader.Load(back, Fixtures.Catalog).Stock;

        Assert.Equal(s.Heating, t.Heating);
        for (int e = 0; e < 4; e++)
        {
            Assert.Equal(s.RenewedYear[e], t.RenewedYear[e]);
        }

        Assert.Equal(s.RenewalSource, t.RenewalSource);
    }
}
