using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Validation;

namespace Twin.Core.Tests.IO;

/// <summary>The damaged files of issue 9, each a regression test: a clear error or a rejected feature, never a crash.</summary>
public sealed class DamagedFileTests
{
    [Fact]
    public void WkbCollectionNested100000Deep_CostsItsFeature_NoStackOverflow()
    {
        byte[] deep = DeepCollection(100_000);
        Assert.Contains("nested deeper", WkbCheck.Problem(deep), StringComparison.Ordinal);

        FeatureTable good = Fixtures.SmallTable();
        byte[]?[] blobs = [deep, new NetTopologySuite.IO.WKBWriter().Write(good.Geometries[1]), null];
        FeatureTable t = FeatureTable.FromWkb("x.parquet", "GeoParquet", good.Crs, blobs, []);
        Assert.Contains("nested deeper", t.RowErrors[0], StringComparison.Ordinal);
        Assert.NotNull(t.Geometries[1]);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    public void WkbPointCountBeyondTheBlob_IsRefused_BeforeAllocating(int count)
    {
        byte[] wkb = new NetTopologySuite.IO.WKBWriter().Write(Fixtures.SmallTable().Geometries[0]); // polygon: order, type, rings, points…
        BinaryPrimitives.WriteInt32LittleEndian(wkb.AsSpan(9), count);
        Assert.Contains("beyond the blob", WkbCheck.Problem(wkb), StringComparison.Ordinal);
    }

    [Fact]
    public void GeoPackageBlobNestedDeep_CostsItsFeature()
    {
        string path = GeoPackage();
        byte[] blob = [(byte)'G', (byte)'P', 0, 0x01, 0, 0, 0, 0, .. DeepCollection(100_000)];
        Execute(path, "UPDATE buildings SET geom = $b WHERE fid = (SELECT MIN(fid) FROM buildings)", blob);
        FeatureTable t = GeoPackageReader.Read(path);
        Assert.Equal(3, t.Count);
        Assert.Contains("nested deeper", t.RowErrors[0], StringComparison.Ordinal);
        Assert.Null(t.RowErrors[1]);
    }

    [Fact]
    public void GeoPackageSrsIdBeyondInt_IsAClearError()
    {
        string path = GeoPackage();
        Execute(path, "UPDATE gpkg_geometry_columns SET srs_id = 3000000000", null);
        var ex = Assert.Throws<InputException>(() => FeatureReader.Read(path));
        Assert.Contains("gpkg_geometry_columns is damaged", ex.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.Issues[0].File);
    }

    [Fact]
    public void ParquetRowGroupDeclaring2Pow31Rows_IsAClearError_WithoutAllocating()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "t.parquet");
        GeoParquetWriter.Write(Fixtures.SmallTable(), path);
        byte[] b = File.ReadAllBytes(path);
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(b.Length - 8));
        int footer = b.Length - 8 - footerLength;

        // Thrift compact protocol: RowGroup.num_rows is field 3 (i64) after total_byte_size (field 2): header 0x16, then
        // zigzag varint 3 = 0x06. The last such pair in the footer is the row group's; 2³¹ is 0x80 0x80 0x80 0x80 0x10.
        int at = b.AsSpan(footer, footerLength).LastIndexOf((ReadOnlySpan<byte>)[0x16, 0x06]) + footer;
        Assert.True(at > footer, "no num_rows = 3 in the footer");
        byte[] damaged = [.. b[..(at + 1)], 0x80, 0x80, 0x80, 0x80, 0x10, .. b[(at + 2)..^8], .. BitConverter.GetBytes(footerLength + 4), .. "PAR1"u8];
        File.WriteAllBytes(path, damaged);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InputException>(() => FeatureReader.Read(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "allocated for the declared rows");
        Assert.Contains("row group 1 declares 2147483648 rows", ex.Issues[0].Message, StringComparison.Ordinal);
    }

    /// <summary>The structure check passes valid files of other writers: DuckDB with each codec, several row groups, dictionary pages, lists, nulls.</summary>
    [Theory]
    [InlineData("SNAPPY")]
    [InlineData("ZSTD")]
    [InlineData("GZIP")]
    [InlineData("UNCOMPRESSED")]
    public void ParquetCheck_PassesFilesOfDuckDb(string codec)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "duck.parquet");
        using (var conn = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"COPY (SELECT i AS id, 'PL' AS country, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END AS height, [i, i + 1] AS pair, repeat('x', i % 50) AS text FROM range(100000) t(i)) TO '{path}' (FORMAT PARQUET, COMPRESSION {codec}, ROW_GROUP_SIZE 30000)";
            cmd.ExecuteNonQuery();
        }

        using FileStream f = File.OpenRead(path);
        Assert.Null(ParquetCheck.Problem(f));
    }

    [Fact]
    public void ParquetFooterListOf2Pow31Elements_IsRefusedAtOnce()
    {
        // The fuzz case that made Parquet.Net read varints past the end of the file for minutes: a list's declared size.
        string path = Path.Combine(TestPaths.NewTempDir(), "t.parquet");
        GeoParquetWriter.Write(Fixtures.SmallTable(), path);
        byte[] b = File.ReadAllBytes(path);
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(b.Length - 8));
        int footer = b.Length - 8 - footerLength;
        int list = b.AsSpan(footer, footerLength).IndexOf((byte)0x19) + footer; // FileMetaData field 2 (schema): a list of structs
        Assert.True(list > footer);
        byte[] damaged = [.. b[..(list + 1)], 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, .. b[(list + 2)..^8], .. BitConverter.GetBytes(footerLength + 5), .. "PAR1"u8]; // size 15 → varint 2³¹−1
        File.WriteAllBytes(path, damaged);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<InputException>(() => FeatureReader.Read(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains("a list of 2147483647 elements", ex.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParquetWithInfiniteHeightAndNaNVertex_GivesFiniteStock()
    {
        FeatureTable t = Fixtures.SmallTable();
        var g = t.Geometries.ToArray();
        g[2] = new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon([new(637100, 486100), new(double.NaN, 486100), new(637110, 486110), new(637100, 486100)]);
        var columns = t.Columns.Select(c => c.Name == "height" ? new AttributeColumn("height", AttributeType.Number, [double.PositiveInfinity, 12.0, null]) : c).ToList();
        string path = Path.Combine(TestPaths.NewTempDir(), "t.parquet");
        GeoParquetWriter.Write(new FeatureTable("t", "test", t.Crs, g, columns), path);

        LoadResult r = StockLoader.Load(path, Fixtures.Catalog);
        Assert.Equal(3, r.Read);
        Assert.Equal(2, r.Stock.Count);
        Assert.Contains(r.Issues, i => i.Code == IssueCodes.UnparsableValue && i.FeatureId == "a" && i.Field == "height"); // ∞ is no height: inferred from storeys
        Assert.Contains(r.Rejects, x => x.Id == "c");
        Assert.All(r.Stock.WallAreaM2, v => Assert.True(double.IsFinite(v)));
        Assert.All(r.Stock.HeightM, v => Assert.True(double.IsFinite(v) && v < 1000));
    }

    [Fact]
    public void EmptyNeighbourhoodsFile_IsAClearError()
    {
        string dir = TestPaths.NewTempDir();
        string empty = Path.Combine(dir, "n.geojson");
        File.WriteAllBytes(empty, []);
        string stock = Path.Combine(dir, "s.parquet");
        GeoParquetWriter.Write(Fixtures.SmallTable(), stock);
        var ex = Assert.Throws<InputException>(() => StockLoader.Load(stock, Fixtures.Catalog, StockLoadOptions.Default, empty));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal(empty, issue.File);
        Assert.Contains("empty", issue.Message, StringComparison.Ordinal);
    }

    /// <summary>WKB: GeometryCollection ⊃ GeometryCollection ⊃ … (<paramref name="depth"/> levels) ⊃ nothing.</summary>
    private static byte[] DeepCollection(int depth)
    {
        byte[] b = new byte[9 * depth];
        for (int i = 0; i < depth; i++)
        {
            b[9 * i] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((9 * i) + 1), 7);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((9 * i) + 5), i + 1 < depth ? 1u : 0u);
        }

        return b;
    }

    private static string GeoPackage()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "t.gpkg");
        GeoPackageWriter.Write(Fixtures.SmallTable(), path);
        return path;
    }

    private static void Execute(string path, string sql, byte[]? blob)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = sql;
        if (blob is not null)
        {
            cmd.Parameters.AddWithValue("$b", blob);
        }

        cmd.ExecuteNonQuery();
    }
}
