using System.Buffers.Binary;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Spatial;
using Twin.Core.Validation;

namespace Twin.Core.Tests.IO;

/// <summary>
/// twin's own Shapefile reader: the same features as NetTopologySuite.IO.Esri on valid files, and a damaged record
/// costs that record, never the file (issue 9).
/// </summary>
public sealed class ShapefileReaderTests
{
    [SkippableFact]
    public void RealZurichFootprints_SameAsNetTopologySuite()
    {
        string shp = Path.Combine(TestPaths.SharedReference, "buildings", "cesar-p_BuildingGeometry.shp");
        Skip.IfNot(File.Exists(shp), $"{shp} not found: ../shared/reference is absent on this machine.");
        AssertSameAsNts(shp);
    }

    [Fact]
    public void WrittenByNetTopologySuite_SameFeatures_WithHolesAndMultiPolygons()
    {
        string shp = Write(Features(), out _);
        AssertSameAsNts(shp);
        FeatureTable t = ShapefileReader.Read(shp);
        Assert.Equal(1, ((Polygon)t.Geometries[1]!).NumInteriorRings);
        Assert.IsType<MultiPolygon>(t.Geometries[2]);
        Assert.Equal("Żółć", t.Find("name")!.Values[0]); // UTF-8 .cpg honoured
    }

    [Fact]
    public void UnclosedRing_CostsThatRecord()
    {
        string shp = Write(Features(), out _);
        byte[] b = File.ReadAllBytes(shp);
        int record = RecordOffset(b, 0);
        int points = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(record + 8 + 40));
        int lastX = record + 8 + 44 + (4 * BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(record + 8 + 36))) + (16 * (points - 1));
        BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(lastX), 637_999.0); // the closing vertex moved: the ring is open
        File.WriteAllBytes(shp, b);

        FeatureTable t = ShapefileReader.Read(shp);
        Assert.Equal(3, t.Count);
        Assert.Contains("ring 1 is not closed", t.RowErrors[0], StringComparison.Ordinal);
        Assert.Null(t.RowErrors[1]);
        Assert.Null(t.RowErrors[2]);
    }

    [Theory]
    [InlineData(36, int.MaxValue)] // numParts = 2³¹−1 once threw OutOfMemoryException
    [InlineData(40, int.MaxValue)] // numPoints
    [InlineData(36, -1)]
    [InlineData(-4, int.MaxValue)] // the record's content length (words): the .shx leads to the next record
    public void DeclaredCount_BeyondTheRecord_CostsThatRecord_WithoutAllocating(int at, int value)
    {
        string shp = Write(Features(), out _);
        byte[] b = File.ReadAllBytes(shp);
        int content = RecordOffset(b, 0) + 8;
        if (at < 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(content + at), value);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(content + at), value);
        }

        File.WriteAllBytes(shp, b);
        long before = GC.GetAllocatedBytesForCurrentThread();
        FeatureTable t = ShapefileReader.Read(shp);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the reader allocated for the declared count");
        Assert.Equal(3, t.Count);
        Assert.Contains("damaged in the .shp", t.RowErrors[0], StringComparison.Ordinal);
        Assert.Null(t.RowErrors[1]);
        Assert.Null(t.RowErrors[2]);
    }

    [Fact]
    public void CutShort_RowsWithoutGeometry_AreCounted()
    {
        string shp = Write(Features(), out _);
        byte[] b = File.ReadAllBytes(shp);
        File.WriteAllBytes(shp, b[..(RecordOffset(b, 2) + 20)]);

        LoadResult r = StockLoader.Load(shp, Fixtures.Catalog);
        Assert.Equal(3, r.Read);
        Assert.Equal(2, r.Stock.Count);
        Assert.Equal("c", Assert.Single(r.Rejects).Id);
    }

    [Fact]
    public void TextInANumberField_IsReportedByTheLoader_NotACrash()
    {
        string shp = Write(Features(), out _);
        string dbf = Path.ChangeExtension(shp, ".dbf");
        byte[] b = File.ReadAllBytes(dbf);
        int header = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8));
        int field = FieldOffset(b, "levels", out int length);
        "abc".PadLeft(length).Select(c => (byte)c).ToArray().CopyTo(b, header + field);
        File.WriteAllBytes(dbf, b);

        var mapping = AttributeMapping.Osm with { Storeys = ["levels"] };
        LoadResult r = StockLoader.Load(shp, Fixtures.Catalog, new StockLoadOptions { Mapping = mapping });
        Assert.Equal(3, r.Stock.Count);
        DataIssue issue = Assert.Single(r.Issues, i => i.Code == IssueCodes.UnparsableValue);
        Assert.Equal("a", issue.FeatureId);
        Assert.Equal("abc", issue.Value);
    }

    [Theory]
    [InlineData(100)] // cut inside the PROJCS: ProjNet once spun at 100 % CPU forever
    [InlineData(300)]
    [InlineData(-1)] // complete
    public async Task TruncatedPrj_IsAnUnknownCrs_NamingThePrj(int cut)
    {
        string shp = Write(Features(), out string wkt);
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), cut < 0 ? wkt : wkt[..cut]);
        LoadResult r = await Task.Run(() => StockLoader.Load(shp, Fixtures.Catalog)).WaitAsync(TimeSpan.FromSeconds(20)); // throws TimeoutException on a hang
        if (cut < 0)
        {
            Assert.Equal(3, r.Stock.Count);
            return;
        }

        DataIssue issue = Assert.Single(r.Issues);
        Assert.Equal(IssueCodes.UnknownCrs, issue.Code);
        Assert.Contains("t.prj cannot be read", issue.Message, StringComparison.Ordinal);
        Assert.Equal(3, r.Rejects.Count);
    }

    [Fact]
    public void NotAShapefile_IsFatal_NamingTheFile()
    {
        string shp = Path.Combine(TestPaths.NewTempDir(), "x.shp");
        File.WriteAllText(shp, "hello");
        var ex = Assert.Throws<InputException>(() => ShapefileReader.Read(shp));
        Assert.Equal(shp, ex.Issues[0].File);
        Assert.Contains("not a Shapefile .shp", ex.Issues[0].Message, StringComparison.Ordinal);
    }

    private static void AssertSameAsNts(string shp)
    {
        Feature[] expected = Shapefile.ReadAllFeatures(shp);
        FeatureTable t = ShapefileReader.Read(shp);
        Assert.Equal(expected.Length, t.Count);
        Assert.All(t.RowErrors, e => Assert.Null(e));
        for (int i = 0; i < expected.Length; i++)
        {
            Geometry g = t.Geometries[i]!;
            Geometry e = expected[i].Geometry;
            Assert.True(e.EqualsTopologically(g) || e.EqualsExact(g), $"feature {i}: {g.GeometryType} differs from {e.GeometryType}");
            Assert.Equal(e.Area, g.Area, 1e-6 * Math.Max(1, e.Area));
            foreach (string name in expected[i].Attributes.GetNames())
            {
                object? want = expected[i].Attributes[name] switch { string s when s.Trim().Length == 0 => null, string s => s.Trim(), int n => (long)n, decimal d => (double)d, DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), var v => v };
                object? got = t.Find(name)!.Values[i];
                if (want is double w && got is long or double)
                {
                    Assert.Equal(w, Convert.ToDouble(got, System.Globalization.CultureInfo.InvariantCulture), 1e-12 * Math.Max(1, Math.Abs(w))); // NTS converts via decimal, which rounds 11.03 to 11.029999999999999
                }
                else
                {
                    Assert.Equal(want, got is double gd && want is long ? (object)(long)gd : got);
                }
            }
        }
    }

    /// <summary>Three buildings in EPSG:2180 near Warsaw's centre: a plain square, a courtyard block, a two-part building.</summary>
    private static List<Feature> Features()
    {
        var f = new GeometryFactory();
        Polygon Square(double x, double y, double s) => f.CreatePolygon([new(x, y), new(x, y + s), new(x + s, y + s), new(x + s, y), new(x, y)]);
        Polygon courtyard = f.CreatePolygon(f.CreateLinearRing([new(637100, 486000), new(637100, 486040), new(637140, 486040), new(637140, 486000), new(637100, 486000)]), [f.CreateLinearRing([new(637110, 486010), new(637130, 486010), new(637130, 486030), new(637110, 486030), new(637110, 486010)])]);
        return
        [
            new Feature(f.CreateMultiPolygon([Square(637000, 486000, 20)]), new AttributesTable { { "id", "a" }, { "name", "Żółć" }, { "levels", 4 }, { "height", 12.5 } }),
            new Feature(f.CreateMultiPolygon([courtyard]), new AttributesTable { { "id", "b" }, { "name", "courtyard" }, { "levels", 6 }, { "height", 19.0 } }),
            new Feature(f.CreateMultiPolygon([Square(637200, 486000, 10), Square(637220, 486000, 10)]), new AttributesTable { { "id", "c" }, { "name", "two parts" }, { "levels", 2 }, { "height", 7.0 } }),
        ];
    }

    private static string Write(List<Feature> features, out string wkt)
    {
        string shp = Path.Combine(TestPaths.NewTempDir(), "t.shp");
        wkt = CoordinateReferenceSystem.Poland1992.System.WKT;
        Shapefile.WriteAllFeatures(features, shp, wkt, System.Text.Encoding.UTF8);
        return shp;
    }

    /// <summary>Byte offset of record <paramref name="k"/>'s header, from the .shx.</summary>
    private static int RecordOffset(byte[] shp, int k)
    {
        int pos = 100;
        for (int i = 0; i < k; i++)
        {
            pos += 8 + (2 * BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan(pos + 4)));
        }

        return pos;
    }

    /// <summary>Offset in the first record of field <paramref name="name"/> (after the deletion flag) and its length.</summary>
    private static int FieldOffset(byte[] dbf, string name, out int length)
    {
        int offset = 1;
        for (int at = 32; dbf[at] != 0x0D; at += 32)
        {
            string n = System.Text.Encoding.ASCII.GetString(dbf, at, 11).TrimEnd('\0');
            length = dbf[at + 16];
            if (n == name)
            {
                return offset;
            }

            offset += length;
        }

        throw new InvalidOperationException(name);
    }
}
