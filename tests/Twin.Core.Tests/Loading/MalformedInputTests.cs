using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Spatial;
using Twin.Core.Validation;

namespace Twin.Core.Tests.Loading;

/// <summary>Each kind of bad input → its defined outcome and a clear message; nothing is lost (read = accepted + rejected).</summary>
public sealed class MalformedInputTests
{
    private const string Good = "\"building\":\"apartments\",\"building:levels\":4,\"start_date\":1960";

    public static TheoryData<string, string, string, IssueOutcome, string> Cases => new()
    {
        // name, bad feature JSON, expected issue code, expected outcome, words the message must contain
        { "point", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[21.001,52.231]}}", IssueCodes.NotPolygonal, IssueOutcome.Rejected, "Point is not a footprint" },
        { "line", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[21.001,52.231],[21.002,52.232]]}}", IssueCodes.NotPolygonal, IssueOutcome.Rejected, "LineString" },
        { "null geometry", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":null}", IssueCodes.EmptyGeometry, IssueOutcome.Rejected, "no geometry" },
        { "empty polygon", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}", IssueCodes.EmptyGeometry, IssueOutcome.Rejected, "no geometry" },
        { "unclosed ring", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.001,52.231],[21.002,52.231],[21.002,52.232]]]}}", IssueCodes.MalformedFeature, IssueOutcome.Rejected, "malformed geometry" },
        { "text coordinates", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"x\",52.231],[21.002,52.231],[21.002,52.232],[\"x\",52.231]]]}}", IssueCodes.MalformedFeature, IssueOutcome.Rejected, "malformed geometry" },
        { "bow-tie", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.001,52.231],[21.0012,52.2312],[21.0012,52.231],[21.001,52.2312],[21.001,52.231]]]}}", IssueCodes.InvalidGeometryRepaired, IssueOutcome.Repaired, "self" },
        { "collapsed polygon", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.001,52.231],[21.002,52.231],[21.001,52.231],[21.001,52.231]]]}}", IssueCodes.InvalidGeometryRejected, IssueOutcome.Rejected, "cannot be repaired" },
        { "tiny footprint", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.001,52.231],[21.001005,52.231],[21.001005,52.231005],[21.001,52.231005],[21.001,52.231]]]}}", IssueCodes.TooSmall, IssueOutcome.Rejected, "below the minimum" },
        { "duplicate id", "{\"type\":\"Feature\",\"properties\":{\"id\":\"g1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.DuplicateId, IssueOutcome.Rejected, "already used" },
        { "absurd height", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\",\"building\":\"apartments\",\"height\":12000,\"building:levels\":4},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.AbsurdHeight, IssueOutcome.Inferred, "outside the plausible range" },
        { "absurd storeys", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\",\"building\":\"apartments\",\"building:levels\":0},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.AbsurdStoreys, IssueOutcome.Inferred, "0 storeys" },
        { "text height", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\",\"building\":\"apartments\",\"height\":\"tall\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.UnparsableValue, IssueOutcome.Inferred, "not a number" },
        { "future year", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\",\"building\":\"apartments\",\"start_date\":2999},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.AbsurdYear, IssueOutcome.Inferred, "2999" },
        { "century as year", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\",\"building\":\"apartments\",\"start_date\":\"C19\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.UnparsableValue, IssueOutcome.Inferred, "not a year" },
        { "missing id", "{\"type\":\"Feature\",\"properties\":{\"building\":\"apartments\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.MissingId, IssueOutcome.Repaired, "has no id" },
        { "not a feature", "42", IssueCodes.MalformedFeature, IssueOutcome.Rejected, "not an object" },
        { "latitude beyond 90", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[21.0031,52.233],[21.0031,90.0001],[21.003,52.233]]]}}", IssueCodes.ImplausibleCoordinates, IssueOutcome.Rejected, "outside longitude" },
        { "longitude beyond 180", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.003,52.233],[180.0001,52.233],[21.0031,52.2331],[21.003,52.233]]]}}", IssueCodes.ImplausibleCoordinates, IssueOutcome.Rejected, "outside longitude" },
        { "metres read as degrees", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[637000,487000],[637010,487000],[637010,487010],[637000,487000]]]}}", IssueCodes.ImplausibleCoordinates, IssueOutcome.Rejected, "(637000, 487000)" },
        { "footprint of 37 km²", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[21.0,52.2],[21.1,52.2],[21.1,52.3],[21.0,52.2]]]}}", IssueCodes.TooLarge, IssueOutcome.Rejected, "larger than any building" },
        { "far from the rest", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100.0,10.0],[100.0001,10.0],[100.0001,10.0001],[100.0,10.0]]]}}", IssueCodes.FarOutlier, IssueOutcome.Rejected, "100° E, 10° N" },
        { "nested 70 deep", "{\"type\":\"Feature\",\"properties\":{\"id\":\"bad\",\"x\":" + new string('[', 70) + new string(']', 70) + "},\"geometry\":null}", IssueCodes.MalformedFeature, IssueOutcome.Rejected, "nested 71 levels deep" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadFeature_GetsItsOutcome_AndNothingIsLost(string name, string badFeature, string code, IssueOutcome outcome, string messagePart)
    {
        string path = new GeoJsonFixture()
            .Box($"\"id\":\"g1\",{Good}", 0, 0)
            .Raw(badFeature)
            .Box($"\"id\":\"g2\",{Good}", 50, 0)
            .Write();
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);

        Assert.Equal(3, r.Read);
        Assert.Equal(r.Read, r.Stock.Count + r.Rejects.Count);
        DataIssue issue = Assert.Single(r.Issues, i => i.Code == code);
        Assert.Equal(outcome, issue.Outcome);
        Assert.Contains(messagePart, issue.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(path, issue.File);
        Assert.False(string.IsNullOrWhiteSpace(issue.Hint), name);
        if (outcome == IssueOutcome.Rejected)
        {
            RejectedBuilding reject = Assert.Single(r.Rejects);
            Assert.Equal(code, reject.Code);
            Assert.Equal(1, reject.SourceRow);
        }
        else
        {
            Assert.Empty(r.Rejects);
        }
    }

    [Fact]
    public void MissingFile_IsFatalWithPath()
    {
        LoadResult r = StockLoader.Load("/nonexistent/stock.geojson", Fixtures.Catalog);
        DataIssue issue = Assert.Single(r.Issues);
        Assert.Equal(IssueOutcome.Fatal, issue.Outcome);
        Assert.Equal(IssueCodes.FileNotFound, issue.Code);
        Assert.Equal("/nonexistent/stock.geojson", issue.File);
        Assert.Contains("not found", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotGeoJson_IsFatal()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "x.geojson");
        File.WriteAllText(path, "{\"type\":\"Topology\"}");
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);
        Assert.True(r.IsFatal);
        Assert.Contains("FeatureCollection", r.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCrs_IsFatal_AllRowsRejected_UnlessUserNamesOne()
    {
        FeatureTable t = Fixtures.SmallTable();
        var unknown = new FeatureTable("nocrs.parquet", "GeoParquet", null, t.Geometries, t.Columns);
        LoadResult r = StockLoader.Load(unknown, Fixtures.Catalog, StockLoadOptions.Default);
        Assert.True(r.IsFatal);
        Assert.Equal(IssueCodes.UnknownCrs, Assert.Single(r.Issues).Code);
        Assert.Equal(3, r.Rejects.Count);
        Assert.Contains("--source-crs", r.Issues[0].Hint, StringComparison.Ordinal);

        LoadResult named = StockLoader.Load(unknown, Fixtures.Catalog, new StockLoadOptions { AssumedSourceCrs = CoordinateReferenceSystem.Poland1992 });
        Assert.False(named.IsFatal);
        Assert.Equal(3, named.Stock.Count);
    }

    [Fact]
    public void GeoParquetWithoutCrs_CrsNull_IsUnknown()
    {
        var (column, crs, known) = GeoParquetReader.ParseGeoMetadata(new Dictionary<string, string> { ["geo"] = "{\"version\":\"1.1.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"WKB\",\"crs\":null}}}" }, "x");
        Assert.Equal("geometry", column);
        Assert.Null(crs);
        Assert.False(known);
        (_, crs, known) = GeoParquetReader.ParseGeoMetadata(new Dictionary<string, string> { ["geo"] = "{\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"WKB\",\"crs\":{\"type\":\"ProjectedCRS\",\"name\":\"ETRS89 / Poland CS92\",\"id\":{\"authority\":\"EPSG\",\"code\":2180}}}}}" }, "x");
        Assert.True(known);
        Assert.Equal(2180, crs!.Epsg);
    }
}
