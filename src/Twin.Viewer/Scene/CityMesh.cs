using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Polygon;
using NetTopologySuite.Triangulate.Tri;

namespace Twin.Viewer.Scene;

/// <summary>
/// Footprints extruded to their heights as one non-indexed triangle list: per vertex position (x, y, z)
/// relative to <see cref="Origin"/> (float precision: EPSG:2180 coordinates near 5·10⁵ m would lose ~3 cm
/// as float, viewer-notes §4.12), outward normal, and the building's index (for colour lookup and picking).
/// Built once per stock; recolouring changes one value per building, never the mesh.
/// </summary>
public sealed class CityMesh
{
    /// <summary>Floats per vertex: position 3 + normal 3.</summary>
    public const int FloatsPerVertex = 6;

    private CityMesh(float[] vertices, uint[] buildingIds, Coordinate origin, Envelope extent, double maxHeightM, int buildings)
    {
        Vertices = vertices;
        BuildingIds = buildingIds;
        Origin = origin;
        Extent = extent;
        MaxHeightM = maxHeightM;
        BuildingCount = buildings;
    }

    /// <summary>Interleaved position and normal per vertex.</summary>
    public float[] Vertices { get; }

    /// <summary>Building index + 1 per vertex (0 is the background in the id buffer).</summary>
    public uint[] BuildingIds { get; }

    public Coordinate Origin { get; }

    /// <summary>Extent of the footprints in the metric CRS (not origin-relative).</summary>
    public Envelope Extent { get; }

    public double MaxHeightM { get; }

    public int BuildingCount { get; }

    public int VertexCount => BuildingIds.Length;

    /// <summary>Meshes footprints (metric CRS) with heights [m]; null footprints are skipped. Roofs: fan for convex
    /// rings without holes, NTS PolygonTriangulator otherwise (its triangles are clockwise: reversed for GL, notes §4.4).</summary>
    public static CityMesh Build(IReadOnlyList<Geometry?> footprints, IReadOnlyList<double> heightsM)
    {
        var extent = new Envelope();
        foreach (Geometry? g in footprints)
        {
            if (g is not null)
            {
                extent.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        var origin = extent.IsNull ? new Coordinate(0, 0) : new Coordinate(Math.Floor(extent.Centre.X), Math.Floor(extent.Centre.Y));
        var parts = new (List<float> V, List<uint> Id)[footprints.Count];
        Parallel.For(0, footprints.Count, i =>
        {
            var v = new List<float>();
            var ids = new List<uint>();
            if (footprints[i] is Geometry g && heightsM[i] > 0)
            {
                for (int p = 0; p < g.NumGeometries; p++)
                {
                    if (g.GetGeometryN(p) is Polygon poly && !poly.IsEmpty)
                    {
                        AddPolygon(poly, (float)heightsM[i], origin, (uint)(i + 1), v, ids);
                    }
                }
            }

            parts[i] = (v, ids);
        });

        int total = parts.Sum(p => p.Id.Count);
        float[] vertices = new float[total * FloatsPerVertex];
        uint[] buildingIds = new uint[total];
        int at = 0;
        foreach ((List<float> v, List<uint> id) in parts)
        {
            v.CopyTo(vertices, at * FloatsPerVertex);
            id.CopyTo(buildingIds, at);
            at += id.Count;
        }

        return new CityMesh(vertices, buildingIds, origin, extent, heightsM.Count == 0 ? 0 : heightsM.Max(), footprints.Count);
    }

    private static void AddPolygon(Polygon poly, float height, Coordinate origin, uint id, List<float> v, List<uint> ids)
    {
        AddWalls(poly.Shell, ccw: true, height, origin, id, v, ids);
        foreach (LinearRing hole in poly.Holes)
        {
            AddWalls(hole, ccw: false, height, origin, id, v, ids);
        }

        CoordinateSequence shell = poly.Shell.CoordinateSequence;
        if (poly.NumInteriorRings == 0 && IsConvex(shell))
        {
            bool ccw = NetTopologySuite.Algorithm.Orientation.IsCCW(shell);
            int n = shell.Count - 1;
            for (int k = 1; k < n - 1; k++)
            {
                int b = ccw ? k : k + 1, c = ccw ? k + 1 : k;
                AddRoofTriangle(shell.GetCoordinate(0), shell.GetCoordinate(b), shell.GetCoordinate(c), height, origin, id, v, ids);
            }

            return;
        }

        IList<Tri> tris;
        try
        {
            tris = new PolygonTriangulator(poly).GetTriangles();
        }
        catch (InvalidOperationException)
        {
            return; // invalid footprints are repaired upstream (Twin.Core); never crash the renderer
        }

        foreach (Tri t in tris)
        {
            // NTS triangles are clockwise whatever the ring orientation: emit them reversed (CCW front faces).
            AddRoofTriangle(t.GetCoordinate(0), t.GetCoordinate(2), t.GetCoordinate(1), height, origin, id, v, ids);
        }
    }

    private static void AddWalls(LinearRing ring, bool ccw, float height, Coordinate origin, uint id, List<float> v, List<uint> ids)
    {
        CoordinateSequence s = ring.CoordinateSequence;
        bool reverse = NetTopologySuite.Algorithm.Orientation.IsCCW(s) != ccw;
        int n = s.Count - 1;
        for (int k = 0; k < n; k++)
        {
            int a = reverse ? n - k : k, b = reverse ? n - k - 1 : k + 1;
            float x0 = (float)(s.GetX(a) - origin.X), y0 = (float)(s.GetY(a) - origin.Y);
            float x1 = (float)(s.GetX(b) - origin.X), y1 = (float)(s.GetY(b) - origin.Y);
            float dx = x1 - x0, dy = y1 - y0, len = MathF.Sqrt((dx * dx) + (dy * dy));
            if (len < 1e-4f)
            {
                continue;
            }

            // Outward normal of an edge of a CCW shell / CW hole is (dy, −dx); z is up.
            float nx = dy / len, ny = -dx / len;
            Vertex(v, ids, x0, y0, 0, nx, ny, 0, id);
            Vertex(v, ids, x1, y1, 0, nx, ny, 0, id);
            Vertex(v, ids, x1, y1, height, nx, ny, 0, id);
            Vertex(v, ids, x0, y0, 0, nx, ny, 0, id);
            Vertex(v, ids, x1, y1, height, nx, ny, 0, id);
            Vertex(v, ids, x0, y0, height, nx, ny, 0, id);
        }
    }

    private static void AddRoofTriangle(Coordinate a, Coordinate b, Coordinate c, float height, Coordinate origin, uint id, List<float> v, List<uint> ids)
    {
        foreach (Coordinate p in new[] { a, b, c })
        {
            Vertex(v, ids, (float)(p.X - origin.X), (float)(p.Y - origin.Y), height, 0, 0, 1, id);
        }
    }

    private static void Vertex(List<float> v, List<uint> ids, float x, float y, float z, float nx, float ny, float nz, uint id)
    {
        v.Add(x);
        v.Add(y);
        v.Add(z);
        v.Add(nx);
        v.Add(ny);
        v.Add(nz);
        ids.Add(id);
    }

    /// <summary>True when all turns of the closed ring have the same sign (collinear points allowed).</summary>
    internal static bool IsConvex(CoordinateSequence ring)
    {
        int n = ring.Count - 1;
        if (n < 3)
        {
            return false;
        }

        int sign = 0;
        for (int k = 0; k < n; k++)
        {
            Coordinate a = ring.GetCoordinate(k), b = ring.GetCoordinate((k + 1) % n), c = ring.GetCoordinate((k + 2) % n);
            double cross = ((b.X - a.X) * (c.Y - b.Y)) - ((b.Y - a.Y) * (c.X - b.X));
            int s = Math.Sign(cross);
            if (s != 0)
            {
                if (sign != 0 && s != sign)
                {
                    return false;
                }

                sign = s;
            }
        }

        return sign != 0;
    }
}
