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

        // Two passes without per-building lists: count each building's vertices (triangulating only non-convex
        // roofs, whose triangles are kept), then fill one array at the prefix-summed offsets, both in parallel.
        int n = footprints.Count;
        int[] counts = new int[n + 1];
        var roofs = new List<Tri>?[n];
        Parallel.For(0, n, i =>
        {
            if (footprints[i] is not Geometry g || !(heightsM[i] > 0))
            {
                return;
            }

            int count = 0;
            for (int p = 0; p < g.NumGeometries; p++)
            {
                if (g.GetGeometryN(p) is not Polygon poly || poly.IsEmpty)
                {
                    continue;
                }

                count += 6 * WallCount(poly);
                if (poly.NumInteriorRings == 0 && IsConvex(poly.Shell.CoordinateSequence))
                {
                    count += 3 * (poly.Shell.NumPoints - 3);
                }
                else
                {
                    List<Tri> tris = Triangulate(poly);
                    (roofs[i] ??= []).AddRange(tris);
                    count += 3 * tris.Count;
                }
            }

            counts[i + 1] = count;
        });

        for (int i = 0; i < n; i++)
        {
            counts[i + 1] += counts[i];
        }

        int total = counts[n];
        float[] vertices = new float[total * FloatsPerVertex];
        uint[] buildingIds = new uint[total];
        Parallel.For(0, n, i =>
        {
            if (counts[i + 1] == counts[i])
            {
                return;
            }

            var writer = new Writer(vertices, buildingIds, counts[i], (uint)(i + 1), (float)heightsM[i], origin);
            Geometry g = footprints[i]!;
            for (int p = 0; p < g.NumGeometries; p++)
            {
                if (g.GetGeometryN(p) is Polygon poly && !poly.IsEmpty)
                {
                    AddWalls(poly.Shell, ccw: true, ref writer);
                    foreach (LinearRing hole in poly.Holes)
                    {
                        AddWalls(hole, ccw: false, ref writer);
                    }

                    if (poly.NumInteriorRings == 0 && IsConvex(poly.Shell.CoordinateSequence))
                    {
                        AddFan(poly.Shell.CoordinateSequence, ref writer);
                    }
                }
            }

            foreach (Tri t in roofs[i] ?? [])
            {
                // NTS triangles are clockwise whatever the ring orientation: emit them reversed (CCW front faces, notes §4.4).
                writer.Roof(t.GetCoordinate(0));
                writer.Roof(t.GetCoordinate(2));
                writer.Roof(t.GetCoordinate(1));
            }
        });

        return new CityMesh(vertices, buildingIds, origin, extent, heightsM.Count == 0 ? 0 : heightsM.Max(), footprints.Count);
    }

    private static List<Tri> Triangulate(Polygon poly)
    {
        try
        {
            IList<Tri> tris = new PolygonTriangulator(poly).GetTriangles();
            return tris as List<Tri> ?? [.. tris];
        }
        catch (InvalidOperationException)
        {
            return []; // invalid footprints are repaired upstream (Twin.Core); never crash the renderer
        }
    }

    private static int WallCount(Polygon poly)
    {
        int count = Edges(poly.Shell);
        foreach (LinearRing hole in poly.Holes)
        {
            count += Edges(hole);
        }

        return count;
    }

    private static int Edges(LinearRing ring)
    {
        CoordinateSequence s = ring.CoordinateSequence;
        int count = 0;
        for (int k = 0; k < s.Count - 1; k++)
        {
            double dx = s.GetX(k + 1) - s.GetX(k), dy = s.GetY(k + 1) - s.GetY(k);
            if (((dx * dx) + (dy * dy)) >= MinEdgeM * MinEdgeM)
            {
                count++;
            }
        }

        return count;
    }

    private static void AddFan(CoordinateSequence shell, ref Writer w)
    {
        bool ccw = NetTopologySuite.Algorithm.Orientation.IsCCW(shell);
        int n = shell.Count - 1;
        for (int k = 1; k < n - 1; k++)
        {
            int b = ccw ? k : k + 1, c = ccw ? k + 1 : k;
            w.Roof(shell.GetCoordinate(0));
            w.Roof(shell.GetCoordinate(b));
            w.Roof(shell.GetCoordinate(c));
        }
    }

    private static void AddWalls(LinearRing ring, bool ccw, ref Writer w)
    {
        CoordinateSequence s = ring.CoordinateSequence;
        bool reverse = NetTopologySuite.Algorithm.Orientation.IsCCW(s) != ccw;
        int n = s.Count - 1;
        for (int k = 0; k < n; k++)
        {
            int a = reverse ? n - k : k, b = reverse ? n - k - 1 : k + 1;
            double dx = s.GetX(b) - s.GetX(a), dy = s.GetY(b) - s.GetY(a);
            double len = Math.Sqrt((dx * dx) + (dy * dy));
            if (len < MinEdgeM)
            {
                continue;
            }

            // Outward normal of an edge of a CCW shell / CW hole is (dy, −dx); z is up.
            float nx = (float)(dy / len), ny = (float)(-dx / len);
            w.Wall(s.GetX(a), s.GetY(a), s.GetX(b), s.GetY(b), nx, ny);
        }
    }

    /// <summary>Edges shorter than this (duplicate points) get no wall.</summary>
    private const double MinEdgeM = 1e-4;

    /// <summary>Writes vertices of one building at its offset in the shared arrays.</summary>
    private struct Writer(float[] vertices, uint[] ids, int at, uint id, float height, Coordinate origin)
    {
        private int _at = at;

        public void Roof(Coordinate p) => Put(p.X, p.Y, height, 0, 0, 1);

        public void Wall(double x0, double y0, double x1, double y1, float nx, float ny)
        {
            Put(x0, y0, 0, nx, ny, 0);
            Put(x1, y1, 0, nx, ny, 0);
            Put(x1, y1, height, nx, ny, 0);
            Put(x0, y0, 0, nx, ny, 0);
            Put(x1, y1, height, nx, ny, 0);
            Put(x0, y0, height, nx, ny, 0);
        }

        private void Put(double x, double y, float z, float nx, float ny, float nz)
        {
            int k = _at * FloatsPerVertex;
            vertices[k] = (float)(x - origin.X);
            vertices[k + 1] = (float)(y - origin.Y);
            vertices[k + 2] = z;
            vertices[k + 3] = nx;
            vertices[k + 4] = ny;
            vertices[k + 5] = nz;
            ids[_at++] = id;
        }
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
