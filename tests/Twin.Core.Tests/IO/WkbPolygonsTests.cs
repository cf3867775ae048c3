using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Core.IO;
using Twin.Core.Spatial;

namespace Twin.Core.Tests.IO;

public sealed class WkbPolygonsTests
{
    public static TheoryData<string> Polygonal => new()
    {
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
        "POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 9 5, 9 9, 5 9, 5 5), (6 6, 7 6, 7 7, 6 6)))",
        "POLYGON EMPTY",
    };

    /// <summary>Every byte order and dimension NTS writes decodes to the same columns as flattening the NTS geometry.</summary>
    [Theory]
    [MemberData(nameof(Polygonal))]
    public void Decode_AgreesWithNts_ForBothByteOrdersAndZ(string wkt)
    {
        Geometry g = Fixtures.Wkt(wkt);
        PolygonColumns expected = PolygonColumns.FromGeometries([g]);
        Geometry g3 = g.Copy();
        g3.Apply(new AddZ());
        foreach (byte[] blob in new[]
        {
            new WKBWriter(ByteOrder.LittleEndian, false).Write(g),
            new WKBWriter(ByteOrder.BigEndian, false).Write(g),
            new WKBWriter(ByteOrder.LittleEndian, false, emitZ: true) { HandleOrdinates = Ordinates.XYZ }.Write(g3),
            new WKBWriter(ByteOrder.LittleEndian, handleSRID: true) { HandleOrdinates = Ordinates.XY }.Write(WithSrid(g, 2180)),
        })
        {
            string?[] errors = new string?[1];
            PolygonColumns got = WkbPolygons.Decode([blob], errors);
            Assert.Null(errors[0]);
            AssertSame(expected, got);
        }
    }

    [Fact]
    public void Decode_IsoZmTypeCode_SkipsZAndM()
    {
        // ISO type 3003 (Polygon ZM): one ring of 4 XYZM vertices.
        byte[] wkb = OneRingPolygon(3003u, 4, [0, 0, 99, -7, 4, 0, 99, -7, 0, 3, 99, -7, 0, 0, 99, -7]);
        PolygonColumns got = WkbPolygons.Decode([wkb], new string?[1]);
        Assert.Equal([0.0, 4.0, 0.0, 0.0], got.X);
        Assert.Equal([0.0, 0.0, 3.0, 0.0], got.Y);
    }

    [Fact]
    public void Decode_UnclosedRing_IsClosed()
    {
        PolygonColumns got = WkbPolygons.Decode([OneRingPolygon(3u, 3, [0, 0, 4, 0, 0, 3])], new string?[1]);
        Assert.Equal([0, 4], got.RingOffsets);
        Assert.Equal((0.0, 0.0), (got.X[3], got.Y[3]));
    }

    public static TheoryData<byte[], string> Malformed => new()
    {
        { new WKBWriter().Write(Fixtures.Wkt("POLYGON ((0 0, 10 0, 10 10, 0 0))"))[..40], "truncated" },
        { new WKBWriter().Write(Fixtures.Wkt("POINT (1 2)")), "WKB type 1 is not a polygon" },
        { [7, 3, 0, 0, 0], "byte-order mark 7" },
        { new WKBWriter().Write(Fixtures.Wkt("POLYGON ((0 0, 10 0, 10 10, 0 0))")).Select((b, i) => i is >= 29 and < 37 ? BitConverter.GetBytes(double.NaN)[i - 29] : b).ToArray(), "vertex 1 of ring 0 is (NaN" },
        { new WKBWriter().Write(Fixtures.Wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))")).Select((b, i) => i == 10 ? (byte)2 : b).ToArray(), "not a polygon (3)" },
    };

    /// <summary>A bad blob costs its own feature only: no polygons, the reason in errors; its neighbours decode.</summary>
    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_Malformed_ReportsAndSkipsThatFeatureOnly(byte[] bad, string reason)
    {
        byte[] good = new WKBWriter().Write(Fixtures.Wkt("POLYGON ((0 0, 10 0, 10 10, 0 0))"));
        string?[] errors = new string?[3];
        PolygonColumns got = WkbPolygons.Decode([good, bad, good], errors);
        Assert.Equal([0, 1, 1, 2], got.FeatureOffsets);
        Assert.Null(errors[0]);
        Assert.Contains(reason, errors[1], StringComparison.Ordinal);
        Assert.Null(errors[2]);
    }

    /// <summary>Random corruption (seeded) never throws out of the decoder: each blob decodes or gets a reason.</summary>
    [Fact]
    public void Decode_CorruptedBlobs_NeverThrow()
    {
        byte[] good = new WKBWriter().Write(Fixtures.Wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0)), ((20 20, 30 20, 30 30, 20 30, 20 20), (22 22, 24 22, 24 24, 22 22)))"));
        var rng = new Random(7);
        byte[][] blobs = Enumerable.Range(0, 2000).Select(_ =>
        {
            byte[] b = rng.Next(4) == 0 ? good[..rng.Next(good.Length)] : (byte[])good.Clone();
            for (int k = rng.Next(1, 4); k > 0 && b.Length > 0; k--)
            {
                b[rng.Next(b.Length)] = (byte)rng.Next(256);
            }

            return b;
        }).ToArray();
        string?[] errors = new string?[blobs.Length];
        PolygonColumns got = WkbPolygons.Decode(blobs, errors);
        Assert.Equal(blobs.Length, got.Count);
        Assert.All(Enumerable.Range(0, blobs.Length), i => Assert.True(errors[i] is null || got.FeatureOffsets[i + 1] == got.FeatureOffsets[i]));
        Assert.Contains(errors, e => e is not null);
    }

    /// <summary>GeoParquet tables keep WKB until NTS geometries are asked for; both routes give the same footprints and errors.</summary>
    [Fact]
    public void GeoParquetTable_PolygonsBeforeAndAfterParsing_Agree()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "t.parquet");
        GeoParquetWriter.Write(Fixtures.SmallTable(), path);
        FeatureTable t = GeoParquetReader.Read(path);
        PolygonColumns fromWkb = t.Polygons();
        Assert.Equal(3, t.Geometries.Length);
        AssertSame(PolygonColumns.FromGeometries(t.Geometries), fromWkb);
        AssertSame(fromWkb, t.Polygons());
    }

    [Fact]
    public void TransformInPlace_MatchesGeometryReprojection()
    {
        FeatureTable t = Fixtures.SmallTable();
        var r = new Reprojector(CoordinateReferenceSystem.Poland1992, CoordinateReferenceSystem.Wgs84);
        PolygonColumns flat = PolygonColumns.FromGeometries(t.Geometries);
        flat.TransformInPlace(r);
        PolygonColumns expected = PolygonColumns.FromGeometries(t.Geometries.Select(g => r.Transform(g!)).ToArray());
        Assert.Equal(expected.RingOffsets, flat.RingOffsets);

        // ProjNet's span transform can differ in the last bit with a point's place in the batch: 1e-12° ≈ 0.1 µm.
        Assert.All(expected.X.Zip(flat.X).Concat(expected.Y.Zip(flat.Y)), p => Assert.Equal(p.First, p.Second, 1e-12));
    }

    [Fact]
    public void ToPolygon_RoundTripsShellAndHoles()
    {
        Geometry g = Fixtures.Wkt("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))");
        Polygon back = PolygonColumns.FromGeometries([g]).ToPolygon(0, new GeometryFactory());
        Assert.True(back.EqualsExact(g));
    }

    /// <summary>Hand-built little-endian WKB of a polygon with one ring: the type code as given, then the ordinates.</summary>
    private static byte[] OneRingPolygon(uint type, uint vertices, double[] ordinates)
    {
        var bytes = new List<byte> { 1 };
        bytes.AddRange(BitConverter.GetBytes(type));
        bytes.AddRange(BitConverter.GetBytes(1u));
        bytes.AddRange(BitConverter.GetBytes(vertices));
        foreach (double v in ordinates)
        {
            bytes.AddRange(BitConverter.GetBytes(v));
        }

        return [.. bytes];
    }

    private static void AssertSame(PolygonColumns expected, PolygonColumns actual)
    {
        Assert.Equal(expected.FeatureOffsets, actual.FeatureOffsets);
        Assert.Equal(expected.PolygonOffsets, actual.PolygonOffsets);
        Assert.Equal(expected.RingOffsets, actual.RingOffsets);
        Assert.Equal(expected.X, actual.X);
        Assert.Equal(expected.Y, actual.Y);
    }

    private static Geometry WithSrid(Geometry g, int srid)
    {
        Geometry c = g.Copy();
        c.SRID = srid;
        return c;
    }

    private sealed class AddZ : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                seq.SetZ(i, 12.5);
            }
        }
    }
}
