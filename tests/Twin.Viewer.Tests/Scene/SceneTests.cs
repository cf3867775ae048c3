using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Tests.Scene;

public sealed class SceneTests
{
    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    [Fact]
    public void Box_WallsAndFanRoof()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")], [12.0]);
        Assert.Equal((4 * 2 + 2) * 3, m.VertexCount); // 4 walls × 2 triangles + 2 roof triangles
        Assert.All(m.BuildingIds, id => Assert.Equal(1u, id));
        Assert.Equal(12.0, m.MaxHeightM);
    }

    [Fact]
    public void Courtyard_RoofTriangleCountIsNMinus2Plus2H_AndAreaExact()
    {
        // 8 ring vertices in total, 1 hole → n − 2 + 2h = 8 roof triangles (viewer-notes §5); walls: 8 edges × 2.
        Geometry g = Wkt("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))");
        CityMesh m = CityMesh.Build([g], [9.0]);
        Assert.Equal((16 + 8) * 3, m.VertexCount);
        Assert.Equal(g.Area, RoofArea(m), 1e-6);
    }

    [Fact]
    public void ConcaveLShape_RoofTrianglesFaceUpAndCoverTheArea()
    {
        Geometry g = Wkt("POLYGON ((0 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 0))");
        CityMesh m = CityMesh.Build([g], [6.0]);
        Assert.Equal(g.Area, RoofArea(m), 1e-6);
    }

    [Fact]
    public void ClockwiseShell_WallNormalsPointOutward()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))")], [3.0]);
        for (int v = 0; v < m.VertexCount; v++)
        {
            float x = m.Vertices[v * 6], y = m.Vertices[(v * 6) + 1], nx = m.Vertices[(v * 6) + 3], ny = m.Vertices[(v * 6) + 4];
            float cx = x - (float)(5 - m.Origin.X), cy = y - (float)(5 - m.Origin.Y);
            Assert.True((nx * cx) + (ny * cy) >= 0, "normals point away from the centre");
        }
    }

    [Fact]
    public void VerticesAreRelativeToOrigin_ForFloatPrecision()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((637000 486000, 637010 486000, 637010 486010, 637000 486010, 637000 486000))")], [3.0]);
        Assert.True(m.Vertices.Where((_, k) => k % 6 < 2).All(c => Math.Abs(c) < 20), "positions near zero, not 6·10⁵");
    }

    [Fact]
    public void InvalidBowTie_DoesNotCrash()
    {
        CityMesh m = CityMesh.Build([Wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")], [3.0]);
        Assert.True(m.VertexCount >= 0);
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

    private static double RoofArea(CityMesh m)
    {
        double area = 0;
        for (int t = 0; t < m.VertexCount / 3; t++)
        {
            int a = t * 3 * 6;
            if (m.Vertices[a + 5] < 0.5f)
            {
                continue; // wall triangle
            }

            double x0 = m.Vertices[a], y0 = m.Vertices[a + 1], x1 = m.Vertices[a + 6], y1 = m.Vertices[a + 7], x2 = m.Vertices[a + 12], y2 = m.Vertices[a + 13];
            double cross = ((x1 - x0) * (y2 - y0)) - ((x2 - x0) * (y1 - y0));
            Assert.True(cross > 0, "roof triangles are counter-clockwise seen from above (GL front faces)");
            area += cross / 2;
        }

        return area;
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
