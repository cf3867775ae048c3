using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Stock;
using Twin.Core.Validation;

namespace Twin.Core.Tests.Loading;

/// <summary>What a load depends on is explicit: the reference year, the threads and the cancellation; an unusable CRS is the file's problem.</summary>
public sealed class LoadOptionsTests
{
    [Theory]
    [InlineData(2025, 2026, false)] // built after the stock's reference year: implausible, inferred instead
    [InlineData(2030, 2028, true)]  // the wall clock (2026) does not matter: the reference year does
    [InlineData(2025, 2025, true)]
    public void ConstructionYear_AfterTheReferenceYear_IsImplausible(int referenceYear, int year, bool observed)
    {
        string path = new GeoJsonFixture().Box($"\"id\":\"a\",\"building\":\"apartments\",\"building:levels\":5,\"start_date\":\"{year}\"", 0, 0).Write();
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog, new StockLoadOptions { ReferenceYear = referenceYear });
        Assert.Equal(observed ? AttributeSource.Observed : AttributeSource.Missing, r.Stock.ConstructionYearSource[0]);
        Assert.Equal(observed, r.Issues.All(i => i.Code != IssueCodes.AbsurdYear));
    }

    [Fact]
    public void Cancellation_ReachesTheLoadersParallelLoops()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var options = new StockLoadOptions { Cancellation = cts.Token, MaxDegreeOfParallelism = 1 };
        Assert.ThrowsAny<OperationCanceledException>(() => StockLoader.Load(Fixtures.SmallTable(), Fixtures.Catalog, options));
    }

    [Fact]
    public void OneThreadOrAll_SameStock()
    {
        string path = TestPaths.SampleBuildings;
        var mapping = MappingFile.Read(TestPaths.SampleMapping);
        BuildingStock one = StockLoader.Load(path, Fixtures.Catalog, new StockLoadOptions { Mapping = mapping, MaxDegreeOfParallelism = 1 }).Stock;
        BuildingStock all = StockLoader.Load(path, Fixtures.Catalog, new StockLoadOptions { Mapping = mapping }).Stock;
        Assert.Equal(one.PartyWallLengthM, all.PartyWallLengthM);
        Assert.Equal(one.HeatedFloorAreaM2, all.HeatedFloorAreaM2);
        Assert.Equal(one.TypologyIndex, all.TypologyIndex);
    }

    /// <summary>A CH1903/LV03 .prj names Hotine oblique Mercator without ProjNet's rectified_grid_angle: the file's fault, reported, no crash.</summary>
    [Fact]
    public void PrjProjNetCannotUse_IsAFatalIssueOfTheFile()
    {
        string dir = TestPaths.NewTempDir();
        string shp = Path.Combine(dir, "swiss.shp");
        var square = Fixtures.Wkt("POLYGON ((600000 200000, 600010 200000, 600010 200010, 600000 200010, 600000 200000))");
        Shapefile.WriteAllFeatures([new Feature(square.Factory.CreateMultiPolygon([(NetTopologySuite.Geometries.Polygon)square]), new AttributesTable { { "id", "a" } })], shp);
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), """PROJCS["CH1903_LV03",GEOGCS["GCS_CH1903",DATUM["D_CH1903",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],PARAMETER["False_Easting",600000.0],PARAMETER["False_Northing",200000.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Azimuth",90.0],PARAMETER["Longitude_Of_Center",7.439583333333333],PARAMETER["Latitude_Of_Center",46.95240555555556],UNIT["Meter",1.0]]""");

        LoadResult r = StockLoader.Load(shp, Fixtures.Catalog);
        DataIssue fatal = Assert.Single(r.Issues, i => i.Outcome == IssueOutcome.Fatal);
        Assert.Equal(IssueCodes.UnusableCrs, fatal.Code);
        Assert.Contains("rectified_grid_angle", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, r.Read);
        Assert.Single(r.Rejects); // every building is accounted for
    }
}
