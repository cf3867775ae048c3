using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Polygon;
using NetTopologySuite.Triangulate.Tri;
using Twin.Core.Spatial;

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

    /// <summary>Meshes footprints (metric CRS) with heights [m]; null footprints are skipped.</summary>
    public static CityMesh Build(IReadOnlyList<Geometry?> footprints, IReadOnlyList<double> heightsM) => Build(PolygonColumns.FromGeometries(footprints), heightsM);

    /// <summary>Meshes footprints (metric CRS, as columns) with heights [m]; features without polygons or height are skipped.
    /// Roofs without holes: a fan when convex, else <see cref="EarClipping"/>; with holes (courtyards): NTS
    /// PolygonTriangulator (its triangles are clockwise: reversed for GL, notes §4.4).</summary>
    public static CityMesh Build(PolygonColumns footprints, IReadOnlyList<double> heightsM)
    {
        Envelope extent = footprints.Extent();
        var origin = extent.IsNull ? new Coordinate(0, 0) : new Coordinate(Math.Floor(extent.Centre.X), Math.Floor(extent.Centre.Y));

        // Two passes without per-building lists: count each building's vertices (triangulating only roofs with
        // holes, whose triangles are kept), then fill one array at the prefix-summed offsets, both in parallel.
        int n = footprints.Count;
        int[] counts = new int[n + 1];
        var roofs = new List<Tri>?[n];
        var factory = new GeometryFactory();
        Parallel.For(0, n, i =>
        {
            if (!(heightsM[i] > 0))
            {
                return;
            }

            int count = 0;
            for (int p = footprints.FeatureOffsets[i]; p < footprints.FeatureOffsets[i + 1]; p++)
            {
                int firstRing = footprints.PolygonOffsets[p], endRing = footprints.PolygonOffsets[p + 1];
                for (int r = firstRing; r < endRing; r++)
                {
                    count += 6 * Edges(Ring(footprints.X, footprints, r), Ring(footprints.Y, footprints, r));
                }

                if (endRing - firstRing == 1)
                {
                    count += 3 * Math.Max(0, footprints.RingOffsets[firstRing + 1] - footprints.RingOffsets[firstRing] - 3); // n − 2 triangles
                }
                else
                {
                    List<Tri> tris = Triangulate(footprints.ToPolygon(p, factory));
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
            for (int p = footprints.FeatureOffsets[i]; p < footprints.FeatureOffsets[i + 1]; p++)
            {
                int firstRing = footprints.PolygonOffsets[p], endRing = footprints.PolygonOffsets[p + 1];
                for (int r = firstRing; r < endRing; r++)
                {
                    AddWalls(Ring(footprints.X, footprints, r), Ring(footprints.Y, footprints, r), ccw: r == firstRing, ref writer);
                }

                if (endRing - firstRing == 1)
                {
                    AddRoof(Ring(footprints.X, footprints, firstRing), Ring(footprints.Y, footprints, firstRing), ref writer);
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

        return new CityMesh(vertices, buildingIds, origin, extent, heightsM.Count == 0 ? 0 : heightsM.Max(), n);
    }

    private static ReadOnlySpan<double> Ring(double[] ordinates, PolygonColumns c, int r) => ordinates.AsSpan(c.RingOffsets[r], c.RingOffsets[r + 1] - c.RingOffsets[r]);

    private static List<Tri> Triangulate(Polygon poly)
    {
        try
        {
            IList<Tri> tris = new PolygonTriangulator(poly).GetTriangles();
            return tris as List<Tri> ?? [.. tris];
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return []; // invalid footprints are repaired upstream (Twin.Core); never crash the renderer
        }
    }

    /// <summary>Edges of a closed ring long enough to get a wall.</summary>
    private static int Edges(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int count = 0;
        for (int k = 0; k < x.Length - 1; k++)
        {
            double dx = x[k + 1] - x[k], dy = y[k + 1] - y[k];
            if (((dx * dx) + (dy * dy)) >= MinEdgeM * MinEdgeM)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Twice the signed area of a closed ring (shoelace): positive when counter-clockwise.</summary>
    internal static double SignedArea2(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int k = 0; k < x.Length - 1; k++)
        {
            sum += (x[k] * y[k + 1]) - (x[k + 1] * y[k]);
        }

        return sum;
    }

    /// <summary>Roof of a ring without holes: a fan when convex, else ear clipping; n − 2 triangles either way.</summary>
    private static void AddRoof(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ref Writer w)
    {
        int n = x.Length - 1;
        if (n < 3)
        {
            return;
        }

        if (IsConvex(x, y))
        {
            bool ccw = SignedArea2(x, y) > 0;
            for (int k = 1; k < n - 1; k++)
            {
                int b = ccw ? k : k + 1, c = ccw ? k + 1 : k;
                w.Roof(x[0], y[0]);
                w.Roof(x[b], y[b]);
                w.Roof(x[c], y[c]);
            }

            return;
        }

        int[]? rented = n > EarClipping.StackLimit ? System.Buffers.ArrayPool<int>.Shared.Rent(3 * (n - 2)) : null;
        Span<int> tris = rented is null ? stackalloc int[3 * (n - 2)] : rented.AsSpan(0, 3 * (n - 2));
        EarClipping.Triangulate(x, y, tris);
        foreach (int v in tris)
        {
            w.Roof(x[v], y[v]);
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void AddWalls(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool ccw, ref Writer w)
    {
        bool reverse = (SignedArea2(x, y) > 0) != ccw;
        int n = x.Length - 1;
        for (int k = 0; k < n; k++)
        {
            int a = reverse ? n - k : k, b = reverse ? n - k - 1 : k + 1;
            double dx = x[b] - x[a], dy = y[b] - y[a];
            double len = Math.Sqrt((dx * dx) + (dy * dy));
            if (len < MinEdgeM)
            {
                continue;
            }

            // Outward normal of an edge of a CCW shell / CW hole is (dy, −dx); z is up.
            float nx = (float)(dy / len), ny = (float)(-dx / len);
            w.Wall(x[a], y[a], x[b], y[b], nx, ny);
        }
    }

    /// <summary>Edges shorter than this (duplicate points) get no wall.</summary>
    private const double MinEdgeM = 1e-4;

    /// <summary>Writes vertices of one building at its offset in the shared arrays.</summary>
    private struct Writer(float[] vertices, uint[] ids, int at, uint id, float height, Coordinate origin)
    {
        private int _at = at;

        public void Roof(Coordinate p) => Put(p.X, p.Y, height, 0, 0, 1);

        public void Roof(double x, double y) => Put(x, y, height, 0, 0, 1);

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
    internal static bool IsConvex(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length - 1;
        if (n < 3)
        {
            return false;
        }

        int sign = 0;
        for (int k = 0; k < n; k++)
        {
            int b = (k + 1) % n, c = (k + 2) % n;
            double cross = ((x[b] - x[k]) * (y[c] - y[b])) - ((y[b] - y[k]) * (x[c] - x[b]));
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
