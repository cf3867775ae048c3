using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Tests.Shared;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Tests.Scene;

/// <summary>
/// A triangulation of a simple ring is right when it has n − 2 triangles, none clockwise (a clipped reflex corner
/// would be), and their areas add up to the ring's area (overlapping triangles would add up to more, gaps to less).
/// </summary>
public sealed class EarClippingTests
{
    /// <summary>Tolerance of the area sum: rounding of the cross products (relative), plus 1 mm² for slivers left by repairs.</summary>
    private const double AreaRelTolerance = 1e-9, AreaAbsToleranceM2 = 1e-6;

    public static TheoryData<string> Rings => new()
    {
        "POLYGON ((0 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 0))", // L
        "POLYGON ((0 0, 0 20, 10 20, 10 10, 20 10, 20 0, 0 0))", // L, clockwise
        "POLYGON ((0 0, 30 0, 30 20, 20 20, 20 5, 10 5, 10 20, 0 20, 0 0))", // U (courtyard open to the street)
        "POLYGON ((0 0, 40 0, 40 10, 35 10, 35 3, 30 3, 30 10, 25 10, 25 3, 20 3, 20 10, 0 10, 0 0))", // comb
        "POLYGON ((0 0, 10 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 10, 0 0))", // collinear vertices
        "POLYGON ((0 0, 20 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 0))", // duplicate vertex
        "POLYGON ((10 0, 12 8, 20 10, 12 12, 10 20, 8 12, 0 10, 8 8, 10 0))", // star
    };

    [Theory]
    [MemberData(nameof(Rings))]
    public void Triangulate_SimpleRing_CoversItsAreaWithCounterClockwiseTriangles(string wkt)
    {
        var ring = (Polygon)new WKTReader().Read(wkt);
        AssertTriangulates(ring.Shell.CoordinateSequence, ring.Area, wkt);
    }

    /// <summary>Every hole-free footprint of the bundled Warsaw district (BDOT10k), in EPSG:2180, short enough for ear clipping.</summary>
    [Fact]
    public void Triangulate_EveryHoleFreeWarsawFootprint_CoversItsArea()
    {
        FeatureTable t = GeoJsonReader.Read(Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie", "buildings.geojson"));
        var r = new Reprojector(t.Crs ?? CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.Poland1992);
        int checkedRings = 0;
        foreach (Geometry g in t.Geometries.OfType<Geometry>().Select(r.Transform).Select(NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix))
        {
            for (int p = 0; p < g.NumGeometries; p++)
            {
                if (g.GetGeometryN(p) is Polygon { NumInteriorRings: 0, IsEmpty: false } poly && poly.NumPoints - 1 <= EarClipping.MaxVertices)
                {
                    AssertTriangulates(poly.Shell.CoordinateSequence, poly.Area, poly.ToText());
                    checkedRings++;
                }
            }
        }

        Assert.True(checkedRings > 4_000, $"{checkedRings} rings checked");
    }

    private static void AssertTriangulates(CoordinateSequence s, double area, string what)
    {
        double[] x = Enumerable.Range(0, s.Count).Select(s.GetX).ToArray(), y = Enumerable.Range(0, s.Count).Select(s.GetY).ToArray();
        int n = s.Count - 1;
        int[] tris = new int[3 * (n - 2)];
        Assert.Equal(n - 2, EarClipping.Triangulate(x, y, tris));
        double sum = 0;
        for (int k = 0; k < tris.Length; k += 3)
        {
            double a2 = ((x[tris[k + 1]] - x[tris[k]]) * (y[tris[k + 2]] - y[tris[k]])) - ((y[tris[k + 1]] - y[tris[k]]) * (x[tris[k + 2]] - x[tris[k]]));
            Assert.True(a2 / 2 >= -((AreaRelTolerance * area) + AreaAbsToleranceM2), $"clockwise triangle {k / 3} in {what}");
            sum += a2 / 2;
        }

        Assert.True(Math.Abs(sum - area) <= (AreaRelTolerance * area) + AreaAbsToleranceM2, $"triangles cover {sum} m² of {area} m² in {what}");
    }
}
