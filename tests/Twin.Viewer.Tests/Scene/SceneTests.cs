using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Tests.Scene;

public sealed class SceneTests
{
    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    [Fact]
    public void Box_SharedVerticesWallsAndFanRoof()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")], [12.0]);
        Assert.Equal(8, m.VertexCount); // 4 corners at the ground and at the eaves
        Assert.Equal((4 * 2) + 2, m.TriangleCount); // 4 walls × 2 triangles + 2 roof triangles
        Assert.All(m.BuildingIds, id => Assert.Equal(1u, id));
        Assert.All(m.Indices, i => Assert.InRange(i, 0u, 7u));
        Assert.Equal(12.0, m.MaxHeightM);
    }

    [Fact]
    public void Courtyard_RoofTriangleCountIsNMinus2Plus2H_AndAreaExact()
    {
        // 8 ring vertices in total, 1 hole → n − 2 + 2h = 8 roof triangles (viewer-notes §5); walls: 8 edges × 2.
        Geometry g = Wkt("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))");
        CityMesh m = CityMesh.Build([g], [9.0]);
        Assert.Equal(16, m.VertexCount);
        Assert.Equal(16 + 8, m.TriangleCount);
        Assert.Equal(g.Area, RoofArea(m), 1e-6);
        AssertWallsFaceAwayFrom(m, shellCentre: (15, 15), holeCentre: (15, 15));
    }

    [Fact]
    public void ConcaveLShape_RoofTrianglesFaceUpAndCoverTheArea()
    {
        Geometry g = Wkt("POLYGON ((0 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 0))");
        CityMesh m = CityMesh.Build([g], [6.0]);
        Assert.Equal(4, RoofTriangles(m).Count()); // n − 2 by ear clipping
        Assert.Equal(g.Area, RoofArea(m), 1e-6);
    }

    /// <summary>A concave ring longer than ear clipping takes (a 600-vertex star) goes to NTS: n − 2 roof triangles, area exact.</summary>
    [Fact]
    public void LongConcaveRing_RoofByNts_CoversTheArea()
    {
        int n = 2 * (EarClipping.MaxVertices + 44);
        var ring = Enumerable.Range(0, n + 1).Select(k => k % n).Select(k => (Angle: 2 * Math.PI * k / n, R: k % 2 == 0 ? 50.0 : 40.0))
            .Select(p => new Coordinate(p.R * Math.Cos(p.Angle), p.R * Math.Sin(p.Angle))).ToArray();
        Geometry g = new GeometryFactory().CreatePolygon(ring);
        CityMesh m = CityMesh.Build([g], [6.0]);
        Assert.Equal(n - 2, RoofTriangles(m).Count());
        Assert.Equal(g.Area, RoofArea(m), 1e-3); // vertices are floats now: ~5e-5 m² of 6,283 m²
    }

    [Fact]
    public void ClockwiseShell_WallsFaceOutward()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))")], [3.0]);
        AssertWallsFaceAwayFrom(m, shellCentre: (5, 5), holeCentre: null);
    }

    [Fact]
    public void VerticesAreRelativeToOrigin_ForFloatPrecision()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((637000 486000, 637010 486000, 637010 486010, 637000 486010, 637000 486000))")], [3.0]);
        Assert.True(m.Positions.Where((_, k) => k % 3 < 2).All(c => Math.Abs(c) < 20), "positions near zero, not 6·10⁵");
    }

    [Fact]
    public void NoHeightOrNoFootprint_IsSkipped_AndIdsStayAligned()
    {
        CityMesh m = CityMesh.Build([null, Wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"), Wkt("POLYGON ((5 5, 6 5, 6 6, 5 5))")], [10.0, double.NaN, 4.0]);
        Assert.Equal(3, m.BuildingCount);
        Assert.All(m.BuildingIds, id => Assert.Equal(3u, id)); // only the third building is meshed, with its own id
    }

    [Fact]
    public void InvalidBowTie_IsMeshedNotDropped()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")], [3.0]);
        Assert.True(m.TriangleCount >= 2 + 8, $"{m.TriangleCount} triangles: a roof over both lobes and their walls"); // ≥ 1 roof triangle per lobe, 2 per wall
        Assert.All(m.BuildingIds, id => Assert.Equal(1u, id));
        Assert.Equal(3.0, m.MaxHeightM, 3);
    }

    [Fact]
    public void Ramps_EndpointsAndNoValue()
    {
        Assert.Equal(((byte)68, (byte)1, (byte)84), ColourRamp.Viridis.At(0));
        Assert.Equal(((byte)253, (byte)231, (byte)37), ColourRamp.Viridis.At(1));
        Assert.Equal(((byte)247, (byte)247, (byte)247), ColourRamp.BlueRed.At(0.5)); // zero difference is neutral
        Assert.Equal(((byte)200, (byte)200, (byte)200), ColourRamp.Viridis.At(double.NaN));
    }

    [Fact]
    public void Camera_TopDownFramesExtent()
    {
        var extent = new Envelope(0, 200, 0, 100);
        Camera c = Camera.Frame(CameraKind.TopDown, extent, new Coordinate(100, 50), 20, 400, 200);
        System.Numerics.Vector4 corner = System.Numerics.Vector4.Transform(new System.Numerics.Vector4(100, 50, 0, 1), c.ViewProjection);
        Assert.InRange(corner.X / corner.W, 0.9, 1.0); // the extent's east edge lands just inside the right border
        Assert.Equal(200.0 * 1.03 / 400, c.MetresPerPixel, 1e-9);
    }

    private static (double X, double Y, double Z) At(CityMesh m, uint v) => (m.Positions[3 * v] + m.Origin.X, m.Positions[(3 * v) + 1] + m.Origin.Y, m.Positions[(3 * v) + 2]);

    private static IEnumerable<(double X, double Y, double Z)[]> Triangles(CityMesh m) =>
        Enumerable.Range(0, m.TriangleCount).Select(t => new[] { At(m, m.Indices[3 * t]), At(m, m.Indices[(3 * t) + 1]), At(m, m.Indices[(3 * t) + 2]) });

    /// <summary>Triangles with all three vertices at the eaves.</summary>
    private static IEnumerable<(double X, double Y, double Z)[]> RoofTriangles(CityMesh m) => Triangles(m).Where(t => t.All(v => v.Z > 0));

    private static double RoofArea(CityMesh m)
    {
        double area = 0;
        foreach ((double X, double Y, double Z)[] t in RoofTriangles(m))
        {
            double cross = ((t[1].X - t[0].X) * (t[2].Y - t[0].Y)) - ((t[2].X - t[0].X) * (t[1].Y - t[0].Y));
            Assert.True(cross > 0, "roof triangles are counter-clockwise seen from above (GL front faces)");
            area += cross / 2;
        }

        return area;
    }

    /// <summary>Each wall triangle's normal (counter-clockwise winding) points away from the shell's centre, or into
    /// the courtyard's centre for walls nearer to it (courtyard walls face the courtyard).</summary>
    private static void AssertWallsFaceAwayFrom(CityMesh m, (double X, double Y) shellCentre, (double X, double Y)? holeCentre)
    {
        int walls = 0;
        foreach ((double X, double Y, double Z)[] t in Triangles(m).Where(t => t.Any(v => v.Z == 0)))
        {
            double ux = t[1].X - t[0].X, uy = t[1].Y - t[0].Y, uz = t[1].Z - t[0].Z, vx = t[2].X - t[0].X, vy = t[2].Y - t[0].Y, vz = t[2].Z - t[0].Z;
            (double nx, double ny) = ((uy * vz) - (uz * vy), (uz * vx) - (ux * vz));
            double cx = (t[0].X + t[1].X + t[2].X) / 3, cy = (t[0].Y + t[1].Y + t[2].Y) / 3;
            bool courtyardWall = holeCentre is (double hx, double hy) && Math.Max(Math.Abs(cx - hx), Math.Abs(cy - hy)) <= 5.0 + 1e-9;
            double dot = courtyardWall ? (nx * (holeCentre!.Value.X - cx)) + (ny * (holeCentre.Value.Y - cy)) : (nx * (cx - shellCentre.X)) + (ny * (cy - shellCentre.Y));
            Assert.True(dot > 0, $"wall triangle at ({cx:0.#}, {cy:0.#}) faces {(courtyardWall ? "away from the courtyard" : "inward")}");
            walls++;
        }

        Assert.True(walls > 0);
    }
}

public sealed class OrbitCameraTests
{
    private static OrbitCamera Make() => new(new NetTopologySuite.Geometries.Envelope(0, 1000, 0, 500), new NetTopologySuite.Geometries.Coordinate(500, 250));

    [Fact]
    public void Starts_CentredAndLookingDown()
    {
        OrbitCamera c = Make();
        Assert.Equal(System.Numerics.Vector2.Zero, c.Target);
        Assert.True(c.ElevationDeg > 89);
        Assert.Equal(1100f, c.Distance, 1e-3f);
    }

    [Fact]
    public void Zoom_Orbit_Pan_BehaveAndClamp()
    {
        OrbitCamera c = Make();
        c.Zoom(1);
        Assert.Equal(990f, c.Distance, 1e-2f);
        c.Orbit(0, 1000);
        Assert.Equal(10f, c.ElevationDeg); // clamped above the ground
        c.Orbit(300, 0);
        Assert.Equal(90f, c.AzimuthDeg, 1e-3f);
        OrbitCamera d = Make();
        d.Pan(100, 0, 720);
        Assert.True(d.Target.X < 0, "dragging right moves the view's target west (the ground follows the cursor)");
    }
}
