using Twin.Core.Loading;
using Twin.Core.Stock;

namespace Twin.Core.Tests.Loading;

public sealed class TypologyAssignmentTests
{
    [Theory]
    [InlineData("\"building\":\"house\",\"building:levels\":2,\"start_date\":\"1950\"", "PL.N.SFH.02.Gen.ReEx.001", SizeClass.SFH)]
    [InlineData("\"building\":\"apartments\",\"building:levels\":5,\"start_date\":\"1975-05-01\"", "PL.N.MFH.03.Gen.ReEx.001", SizeClass.MFH)]
    [InlineData("\"building\":\"apartments\",\"building:levels\":12,\"start_date\":1980", "PL.N.AB.03.Gen.ReEx.001", SizeClass.AB)]
    [InlineData("\"building\":\"apartments\",\"building:levels\":12,\"start_date\":1955", "PL.N.MFH.02.Gen.ReEx.001", SizeClass.AB)] // no PL AB before 1967: MFH type
    [InlineData("\"building\":\"apartments\",\"building:levels\":4,\"start_date\":\"~1900\"", "PL.N.MFH.01.Gen.ReEx.001", SizeClass.MFH)]
    [InlineData("\"building\":\"residential\",\"building:levels\":2,\"start_date\":2015", "PL.N.SFH.07.Gen.ReEx.001", SizeClass.SFH)]
    [InlineData("\"building\":\"apartments\",\"building:levels\":3,\"building:flats\":2,\"start_date\":1990", "PL.N.SFH.04.Gen.ReEx.001", SizeClass.SFH)]
    public void DetachedBuilding_GetsTypeByUseStoreysAndYear(string properties, string expectedType, SizeClass expectedSize)
    {
        string path = new GeoJsonFixture().Box($"\"id\":\"x\",{properties}", 0, 0).Write();
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);
        Assert.Equal(1, r.Stock.Count);
        Assert.Equal(expectedSize, r.Stock.SizeClass[0]);
        Assert.Equal(expectedType, Fixtures.Catalog.Types[r.Stock.TypologyIndex[0]].Code);
        Assert.Equal(AttributeSource.Observed, r.Stock.ConstructionYearSource[0]);
        Assert.Equal(AttributeSource.Inferred, r.Stock.CountrySource[0]); // PL from location (EPSG:2180 area)
    }

    [Fact]
    public void RowOfHouses_SharingWalls_AreTerraced()
    {
        string props = "\"building\":\"house\",\"building:levels\":2,\"start_date\":1960";
        string path = new GeoJsonFixture()
            .Box($"\"id\":\"1\",{props}", 0, 0, 8, 10)
            .Box($"\"id\":\"2\",{props}", 8, 0, 8, 10)
            .Box($"\"id\":\"3\",{props}", 100, 0, 8, 10)
            .Write();
        BuildingStock s = StockLoader.Load(path, Fixtures.Catalog).Stock;
        Assert.Equal([SizeClass.TH, SizeClass.TH, SizeClass.SFH], s.SizeClass);
        Assert.Equal("PL.N.TH.02.Gen.ReEx.001", Fixtures.Catalog.Types[s.TypologyIndex[0]].Code);
        Assert.Equal(10.0, s.PartyWallLengthM[0], 0.2);
    }

    [Fact]
    public void NonResidential_KeptWithoutTypology()
    {
        string path = new GeoJsonFixture().Box("\"id\":\"o\",\"building\":\"office\",\"building:levels\":6,\"start_date\":1999", 0, 0).Write();
        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);
        Assert.Equal(BuildingUse.NonResidential, r.Stock.Use[0]);
        Assert.Equal(-1, r.Stock.TypologyIndex[0]);
        Assert.Equal(SizeClass.Unknown, r.Stock.SizeClass[0]);
    }

    [Fact]
    public void MissingYear_InferredByFirstMatchingRule_AndFlagged()
    {
        var mapping = AttributeMapping.Osm with
        {
            YearRules =
            [
                new YearRule { Name = "listed", Field = "heritage", EqualsValue = "true", Year = 1930, Rationale = "test" },
                new YearRule { Name = "tall", MinStoreys = 11, Year = 1975, Rationale = "test" },
                new YearRule { Name = "default", Year = 1960, Rationale = "test" },
            ],
        };
        string path = new GeoJsonFixture()
            .Box("\"id\":\"a\",\"building\":\"apartments\",\"building:levels\":5,\"heritage\":true", 0, 0)
            .Box("\"id\":\"b\",\"building\":\"apartments\",\"building:levels\":12", 100, 0)
            .Box("\"id\":\"c\",\"building\":\"apartments\",\"building:levels\":5", 200, 0)
            .Box("\"id\":\"d\",\"building\":\"apartments\",\"building:levels\":5,\"start_date\":2005", 300, 0)
            .Write();
        BuildingStock s = StockLoader.Load(path, Fixtures.Catalog, new StockLoadOptions { Mapping = mapping }).Stock;
        Assert.Equal([1930, 1975, 1960, 2005], s.ConstructionYear);
        Assert.Equal(new string?[] { "listed", "tall", "default", null }, s.ConstructionYearRule.AsEnumerable());
        Assert.Equal([AttributeSource.Inferred, AttributeSource.Inferred, AttributeSource.Inferred, AttributeSource.Observed], s.ConstructionYearSource);
        Assert.Equal("PL.N.AB.03.Gen.ReEx.001", Fixtures.Catalog.Types[s.TypologyIndex[1]].Code);
    }

    [Fact]
    public void Envelope_FromFootprintHeightAndTypologyRatios()
    {
        string path = new GeoJsonFixture().Box("\"id\":\"x\",\"building\":\"apartments\",\"building:levels\":4,\"start_date\":1950", 0, 0, 20, 10).Write();
        BuildingStock s = StockLoader.Load(path, Fixtures.Catalog).Stock;
        var t = Fixtures.Catalog.Types[s.TypologyIndex[0]];
        double facade = s.ExposedWallLengthM[0] * s.HeightM[0];
        Assert.Equal(12.0, s.HeightM[0], 1e-9); // 4 storeys × 3.0 m, inferred
        Assert.Equal(AttributeSource.Inferred, s.HeightSource[0]);
        Assert.Equal(60.0, s.ExposedWallLengthM[0], 0.1);
        Assert.Equal(facade * t.WindowToFacadeRatio, s.WindowNorthM2[0] + s.WindowEastM2[0] + s.WindowSouthM2[0] + s.WindowWestM2[0], 1e-6);
        Assert.Equal(facade, s.WallAreaM2[0] + s.WindowNorthM2[0] + s.WindowEastM2[0] + s.WindowSouthM2[0] + s.WindowWestM2[0], 1e-6);
        Assert.Equal(s.FootprintAreaM2[0] * 4 * 0.85, s.HeatedFloorAreaM2[0], 1e-6); // A_C_Ref/A_C_ExtDim = 0.85 for PL.N.MFH.02
        Assert.Equal(200.0, s.FootprintAreaM2[0], 1.0);
    }

    [Fact]
    public void Catalog_PolishTypology_Has26TypesWithThreeVariants()
    {
        Assert.Equal(26, Fixtures.Catalog.Types.Count);
        Assert.All(Fixtures.Catalog.Types, t => Assert.Equal([1, 2, 3], t.Variants.Select(v => v.Number)));
        var mfh02 = Fixtures.Catalog.Types[Fixtures.Catalog.IndexOf("PL.N.MFH.02.Gen.ReEx.001")];
        Assert.Equal(202.1, mfh02.Existing.PublishedHeatNeedKWhPerM2, 0.1);
        Assert.True(mfh02.Variants[2].PublishedHeatNeedKWhPerM2 < mfh02.Variants[1].PublishedHeatNeedKWhPerM2);
        Assert.Equal(0.85, mfh02.ReferenceToGrossAreaRatio, 1e-9);
    }
}
