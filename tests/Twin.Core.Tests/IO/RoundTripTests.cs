using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.Features;
using Twin.Core.IO;
using Twin.Core.Spatial;

namespace Twin.Core.Tests.IO;

public sealed class RoundTripTests
{
    /// <summary>
    /// EPSG:2180 → WGS 84 → EPSG:2180 through ProjNet's transverse Mercator series returns within ~1 cm
    /// (measured 8 mm); same-CRS round trips are exact.
    /// </summary>
    private const double CoordinateToleranceM = 0.01;

    [Fact]
    public void GeoParquet_WriteThenRead_KeepsGeometryAttributesAndCrs()
    {
        string dir = TestPaths.NewTempDir();
        FeatureTable original = Fixtures.SmallTable();
        string path = Path.Combine(dir, "t.parquet");
        GeoParquetWriter.Write(original, path);
        FeatureTable back = GeoParquetReader.Read(path);
        Assert.Equal(CoordinateReferenceSystem.Wgs84.Epsg, back.Crs!.Epsg); // written as OGC:CRS84
        AssertSame(original, Reproject(back, CoordinateReferenceSystem.Poland1992));
    }

    [Fact]
    public void GeoParquet_SmallRowGroups_ReadsAllRowGroups()
    {
        string dir = TestPaths.NewTempDir();
        FeatureTable original = Fixtures.SmallTable(CoordinateReferenceSystem.Wgs84);
        string path = Path.Combine(dir, "t.parquet");
        GeoParquetWriter.Write(original, path, rowGroupSize: 2);
        AssertSame(original, GeoParquetReader.Read(path));
    }

    /// <summary>Float and double columns (nullable or not) come back as unboxed doubles, a null as NaN / a null value.</summary>
    [Fact]
    public async Task GeoParquet_FloatingColumns_ReadUnboxedWithNullAsMissing()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "floats.parquet");
        byte[] wkb = new NetTopologySuite.IO.WKBWriter().Write(Fixtures.Wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"));
        var fields = new Parquet.Schema.DataField[] { new Parquet.Schema.DataField<byte[]>("geometry"), new Parquet.Schema.DataField<float?>("f"), new Parquet.Schema.DataField<float>("g"), new Parquet.Schema.DataField<double?>("d") };
        await using (FileStream stream = File.Create(path))
        {
            await using Parquet.ParquetWriter writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream);
            using Parquet.ParquetRowGroupWriter rg = writer.CreateRowGroup();
            await rg.WriteAsync(fields[0], new byte[]?[] { wkb, wkb });
            await rg.WriteAsync<float>(fields[1], new float?[] { 1.5f, null }.AsMemory());
            await rg.WriteAsync<float>(fields[2], new float[] { 2.5f, -3f }.AsMemory());
            await rg.WriteAsync<double>(fields[3], new double?[] { null, 4.25 }.AsMemory());
        }

        FeatureTable t = GeoParquetReader.Read(path);
        Assert.Equal([1.5, double.NaN], t.Find("f")!.Numbers!);
        Assert.Equal([2.5, -3.0], t.Find("g")!.Numbers!);
        Assert.Equal([double.NaN, 4.25], t.Find("d")!.Numbers!);
        Assert.Null(t.Find("d")!.ValueAt(0));
        Assert.Equal(4.25, t.Find("d")!.ValueAt(1));
        Assert.Equal([null, (object)4.25], t.Find("d")!.Values);
        Assert.All(new[] { "f", "g", "d" }, n => Assert.Equal(AttributeType.Number, t.Find(n)!.Type));
    }

    [Fact]
    public void GeoJson_WriteThenRead_KeepsGeometryAndAttributes()
    {
        string dir = TestPaths.NewTempDir();
        FeatureTable original = Fixtures.SmallTable();
        string path = Path.Combine(dir, "t.geojson");
        GeoJsonWriter.Write(original, path);
        FeatureTable back = GeoJsonReader.Read(path);
        AssertSame(original, Reproject(back, CoordinateReferenceSystem.Poland1992));
        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(((Polygon)back.Geometries[0]!).Shell.CoordinateSequence), "RFC 7946 exterior rings are counter-clockwise");
    }

    [Fact]
    public void GeoPackage_WriteThenRead_KeepsGeometryAttributesAndCrs()
    {
        string dir = TestPaths.NewTempDir();
        FeatureTable original = Fixtures.SmallTable();
        string path = Path.Combine(dir, "t.gpkg");
        GeoPackageWriter.Write(original, path);
        FeatureTable back = GeoPackageReader.Read(path);
        Assert.Equal(2180, back.Crs!.Epsg);
        AssertSame(original, back);
    }

    [Fact]
    public void Shapefile_WithPrj_ReadsGeometryAttributesAndCrs()
    {
        string dir = TestPaths.NewTempDir();
        FeatureTable original = Fixtures.SmallTable();
        string path = Path.Combine(dir, "t.shp");
        var features = Enumerable.Range(0, original.Count).Select(i =>
        {
            var attributes = new AttributesTable
            {
                { "id", original.Columns[0].Values[i] },
                { "building", original.Columns[1].Values[i] },
                { "levels", original.Columns[2].Values[i] is long l ? (int?)l : null },
                { "height", original.Columns[3].Values[i] },
            };
            return new Feature(original.Geometries[i]!.Factory.CreateMultiPolygon(PolygonsOf(original.Geometries[i]!)), attributes);
        }).ToList();
        Shapefile.WriteAllFeatures(features, path);
        File.WriteAllText(Path.ChangeExtension(path, ".prj"), CoordinateReferenceSystem.Poland1992.System.WKT);

        FeatureTable back = ShapefileReader.Read(path);
        Assert.Equal(2180, back.Crs!.Epsg);
        Assert.Equal(3, back.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(original.Geometries[i]!.Area, back.Geometries[i]!.Area, 6);
        }

        Assert.Equal(["a", "b", "c"], back.Find("id")!.Values);
        Assert.Equal([5L, null, 2L], back.Find("levels")!.Values);
        Assert.Equal(15.5, (double)back.Find("height")!.Values[0]!, 6);
    }

    [SkippableFact]
    public void Shapefile_RealZurichFootprints_ReadWithSwissPrj()
    {
        string shp = Path.Combine(TestPaths.SharedReference, "buildings", "cesar-p_BuildingGeometry.shp");
        Skip.IfNot(File.Exists(shp), $"{shp} not found: ../shared/reference is absent on this machine.");
        FeatureTable t = ShapefileReader.Read(shp);
        Assert.Equal(3694, t.Count);
        Assert.NotNull(t.Crs);
        Assert.All(t.Geometries, g => Assert.True(g is Polygon or MultiPolygon));
    }

    private static Polygon[] PolygonsOf(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(k => (Polygon)g.GetGeometryN(k)).ToArray();

    private static FeatureTable Reproject(FeatureTable t, CoordinateReferenceSystem to)
    {
        var r = new Reprojector(t.Crs!, to);
        return new FeatureTable(t.SourcePath, t.Format, to, t.Geometries.Select(g => g is null ? null : r.Transform(g)).ToArray(), t.Columns, t.RowErrors, t.FeatureIds);
    }

    private static void AssertSame(FeatureTable expected, FeatureTable actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Coordinate[] e = expected.Geometries[i]!.Coordinates, a = actual.Geometries[i]!.Coordinates;
            Assert.Equal(e.Length, a.Length);
            Assert.Equal(expected.Geometries[i]!.Area, actual.Geometries[i]!.Area, 0.5);
            foreach (Coordinate c in e)
            {
                double nearest = a.Min(c.Distance); // ring start and orientation may change (RFC 7946 rewinds rings)
                Assert.True(nearest < CoordinateToleranceM, $"feature {i} vertex {c} is {nearest} m from the nearest vertex read back");
            }
        }

        foreach (AttributeColumn c in expected.Columns)
        {
            AttributeColumn back = actual.Find(c.Name) ?? throw new Xunit.Sdk.XunitException($"column {c.Name} lost");
            Assert.True(c.Type == back.Type, $"column {c.Name}: type {c.Type} written, {back.Type} read back");
            Assert.Equal(c.Values, back.Values);
        }
    }
}
