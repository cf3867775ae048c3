using DuckDB.NET.Data;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Stock;

namespace Twin.Core.Tests.Loading;

/// <summary>The bundled real district (BDOT10k Warszawa-Śródmieście, 4 930 buildings) loads completely.</summary>
public sealed class SampleDistrictTests
{
    private static readonly Lazy<LoadResult> Sample = new(() =>
        StockLoader.Load(TestPaths.SampleBuildings, Fixtures.Catalog, new StockLoadOptions { Mapping = MappingFile.Read(TestPaths.SampleMapping) }, TestPaths.SampleNeighbourhoods));

    [Fact]
    public void Sample_AllBuildingsAccountedFor()
    {
        LoadResult r = Sample.Value;
        Assert.Equal(4930, r.Read);
        Assert.Equal(r.Read, r.Stock.Count + r.Rejects.Count);
        Assert.False(r.IsFatal);
        Assert.Equal(2180, r.Stock.Crs.Epsg);
    }

    [Fact]
    public void Sample_FootprintAreaMatchesSourceTotal()
    {
        // SOURCES.md §4: footprint_area_m2 (planar, EPSG:2180) totals 2.78 km²; the per-feature attribute is the reference.
        var table = GeoJsonReader.Read(TestPaths.SampleBuildings);
        double reference = table.Find("footprint_area_m2")!.Values.Sum(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reference, Sample.Value.Stock.FootprintAreaM2.Sum(), reference * 0.002);
    }

    [Fact]
    public void Sample_ResidentialBuildingsAllTyped_YearsFlaggedInferred()
    {
        BuildingStock s = Sample.Value.Stock;
        int residential = Enumerable.Range(0, s.Count).Count(i => s.Use[i] == BuildingUse.Residential);
        Assert.Equal(2445, residential); // fun_ogolna 1110 + 1122 + 1130 (SOURCES.md §4 counts: 104 + 2261 + 80)
        Assert.All(Enumerable.Range(0, s.Count).Where(i => s.Use[i] == BuildingUse.Residential), i => Assert.True(s.TypologyIndex[i] >= 0));
        Assert.All(s.ConstructionYearSource, src => Assert.Equal(AttributeSource.Inferred, src)); // BDOT10k has no year
        Assert.Equal(36, s.StoreysSource.Count(x => x == AttributeSource.Inferred)); // 36 religious buildings lack storeys
        Assert.True(s.PartyWallLengthM.Count(x => x > 0) > 2000, "central Warsaw is mostly perimeter blocks");
        Assert.All(s.NeighbourhoodIndex, k => Assert.True(k >= 0));
    }

    /// <summary>EPSG:2180 → WGS 84 rounding turns some repaired footprints invalid again (1e-9 m spikes); the writer repairs them.</summary>
    [Fact]
    public void Sample_WrittenAsGeoParquet_GeometriesStayValid()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "stock.parquet");
        GeoParquetWriter.Write(StockExport.ToTable(Sample.Value.Stock, Fixtures.Catalog), path);
        FeatureTable back = GeoParquetReader.Read(path, ["building_id"]);
        Assert.Equal(4930, back.Count);
        Assert.DoesNotContain(back.Geometries, g => g is null || !g.IsValid);
    }

    [Fact]
    public void Sample_WrittenAsGeoParquet_ReadableByDuckDb()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "stock.parquet");
        GeoParquetWriter.Write(StockExport.ToTable(Sample.Value.Stock, Fixtures.Catalog), path);
        using var conn = new DuckDBConnection("DataSource=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*), sum(footprint_area_m2), count(DISTINCT typology), min(typeof(geometry)) FROM read_parquet('{path}')";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(4930L, reader.GetInt64(0));
        Assert.Equal(Sample.Value.Stock.FootprintAreaM2.Sum(), reader.GetDouble(1), 5.0);
        Assert.Equal(8L, reader.GetInt64(2));
        Assert.StartsWith("GEOMETRY", reader.GetString(3), StringComparison.Ordinal); // DuckDB understood the 'geo' metadata

        using var meta = conn.CreateCommand();
        meta.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'geo'";
        string geo = (string)meta.ExecuteScalar()!;
        Assert.Contains("\"encoding\":\"WKB\"", geo, StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.1.0\"", geo, StringComparison.Ordinal);
    }
}
