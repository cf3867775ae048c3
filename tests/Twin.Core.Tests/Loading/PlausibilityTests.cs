using System.Text;
using System.Text.RegularExpressions;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Stock;
using Twin.Core.Validation;

namespace Twin.Core.Tests.Loading;

/// <summary>Coordinates are checked before anything is measured, and no outlier can move the metric CRS (issue 9).</summary>
public sealed partial class PlausibilityTests
{
    private const string Good = "\"building\":\"apartments\",\"building:levels\":4,\"start_date\":1960";

    private static readonly Lazy<string> SampleText = new(() => File.ReadAllText(TestPaths.SampleBuildings));

    private static readonly Lazy<LoadResult> Sample = new(() => LoadSample(SampleText.Value));

    private static LoadResult LoadSample(string geojson)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "buildings.geojson");
        File.WriteAllText(path, geojson);
        return StockLoader.Load(path, Fixtures.Catalog, new StockLoadOptions { Mapping = MappingFile.Read(TestPaths.SampleMapping) });
    }

    /// <summary>The sample with the second vertex of its first footprint moved to latitude <paramref name="latitude"/>.</summary>
    private static string SampleWithOneVertexAt(string latitude) => SecondVertex().Replace(SampleText.Value, m => m.Groups[1].Value + latitude + "]", 1);

    [Theory]
    [InlineData("90.0001", IssueCodes.ImplausibleCoordinates)] // beyond the pole: once moved the whole stock into a UTM zone
    [InlineData("89.9", IssueCodes.FarOutlier)] // valid but far: measured in EPSG:2180 it would be distorted
    public void OneBadVertex_CostsOneBuilding_NotTheStock(string latitude, string code)
    {
        LoadResult r = LoadSample(SampleWithOneVertexAt(latitude));

        Assert.Equal(4930, r.Read);
        Assert.Equal(4929, r.Stock.Count);
        Assert.Equal(2180, r.Stock.Crs.Epsg);
        RejectedBuilding reject = Assert.Single(r.Rejects);
        Assert.Equal(code, reject.Code);
        BuildingStock before = Sample.Value.Stock;
        Assert.Equal(before.Ids[0], reject.Id);
        Assert.Equal(before.TypologyIndex.Count(t => t >= 0) - (before.TypologyIndex[0] >= 0 ? 1 : 0), r.Stock.TypologyIndex.Count(t => t >= 0));

        // The other 4,929 footprints are measured exactly as without the outlier (a far feature once made them 44 % larger).
        Assert.Equal(before.FootprintAreaM2[1..], r.Stock.FootprintAreaM2);
    }

    [Fact]
    public void MetricCrs_IsTheMedianPlace_NotTheExtentCentre()
    {
        // 3 buildings in Warsaw, 2 in Madrid: the extent's centre (Italy) would pick UTM 33N, the median picks Warsaw's CRS.
        string path = new GeoJsonFixture()
            .Box($"\"id\":\"w1\",{Good}", 0, 0).Box($"\"id\":\"w2\",{Good}", 50, 0).Box($"\"id\":\"w3\",{Good}", 100, 0)
            .Raw(Square("m1", -3.70, 40.42)).Raw(Square("m2", -3.71, 40.42))
            .Write();
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);

        Assert.Equal(2180, r.Stock.Crs.Epsg);
        Assert.Equal(["m1", "m2"], r.Rejects.Select(x => x.Id).Order());
        Assert.All(r.Rejects, x => Assert.Equal(IssueCodes.FarOutlier, x.Code));
        Assert.Contains(r.Issues, i => i.Code == IssueCodes.FarOutlier && i.Hint.Contains("--metric-crs", StringComparison.Ordinal));
    }

    [Fact]
    public void MetresInAGeographicFile_AreNamedAsSuch()
    {
        string path = new GeoJsonFixture().Raw("{\"type\":\"Feature\",\"properties\":{\"id\":\"b1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[637000,487000],[637010,487000],[637010,487010],[637000,487000]]]}}").Write();
        DataIssue issue = Assert.Single(StockLoader.Load(path, Fixtures.Catalog).Issues, i => i.Code == IssueCodes.ImplausibleCoordinates);
        Assert.Equal("b1", issue.FeatureId);
        Assert.Contains("look like metres", issue.Hint, StringComparison.Ordinal);
        Assert.Contains("--source-crs", issue.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyGeoJsonCrs_IsHonoured_AndAnUnknownOneIsNotGuessed()
    {
        // GDAL writes the 2008 "crs" member for data not in WGS 84; EPSG:2180 metres near Warsaw's Palace of Culture.
        const string Features = "\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"b1\",\"building\":\"apartments\",\"building:levels\":4},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[637000,486000],[637020,486000],[637020,486010],[637000,486010],[637000,486000]]]}}]";
        string dir = TestPaths.NewTempDir();
        string known = Path.Combine(dir, "known.geojson"), unknown = Path.Combine(dir, "unknown.geojson");
        File.WriteAllText(known, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::2180\"}}," + Features + "}");
        File.WriteAllText(unknown, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::31467\"}}," + Features + "}");

        LoadResult r = StockLoader.Load(known, Fixtures.Catalog);
        Assert.Equal(1, r.Stock.Count);
        Assert.Equal(200, r.Stock.FootprintAreaM2[0], 1e-6);

        LoadResult u = StockLoader.Load(unknown, Fixtures.Catalog);
        Assert.True(u.IsFatal);
        Assert.Equal(IssueCodes.UnknownCrs, Assert.Single(u.Issues).Code);
    }

    [Fact]
    public void DamagedJson_IsOneFatalIssue_NamingTheBytePosition()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "cut.geojson");
        File.WriteAllText(path, SampleText.Value[..20_000]);
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);
        DataIssue issue = Assert.Single(r.Issues);
        Assert.Equal(IssueOutcome.Fatal, issue.Outcome);
        Assert.Equal(path, issue.File);
        Assert.Matches(@"^byte \d+ \(line \d+\)$", issue.Field);
        Assert.DoesNotContain("LineNumber", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8InOneFeature_CostsThatFeature()
    {
        string path = new GeoJsonFixture().Box($"\"id\":\"g1\",{Good}", 0, 0).Box($"\"id\":\"BAD\",{Good}", 50, 0).Box($"\"id\":\"g2\",{Good}", 100, 0).Write();
        byte[] bytes = File.ReadAllBytes(path);
        int at = Encoding.UTF8.GetString(bytes).IndexOf("BAD", StringComparison.Ordinal);
        bytes[at] = 0xFF; // not UTF-8
        File.WriteAllBytes(path, bytes);

        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);
        Assert.Equal(3, r.Read);
        Assert.Equal(2, r.Stock.Count);
        Assert.Contains("UTF-8", Assert.Single(r.Rejects).Reason, StringComparison.Ordinal);
    }

    private static string Square(string id, double lon, double lat) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{id}\",{Good}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{lon},{lat}],[{lon + 0.0002},{lat}],[{lon + 0.0002},{lat + 0.0002}],[{lon},{lat + 0.0002}],[{lon},{lat}]]]}}}}");

    [GeneratedRegex(@"(""coordinates"":\[\[\[[-0-9.]+,[-0-9.]+\],\[[-0-9.]+,)[-0-9.]+\]")]
    private static partial Regex SecondVertex();
}
