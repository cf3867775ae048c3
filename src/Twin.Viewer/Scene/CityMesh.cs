using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Polygon;
using NetTopologySuite.Triangulate.Tri;
using Twin.Core.Spatial;

namespace Twin.Viewer.Scene;

/// <summary>
/// Footprints extruded to their heights as one indexed triangle list. Each ring vertex becomes two vertices,
/// at the ground and at the eaves, shared by the two walls meeting there and (at the eaves) by the roof; faces
/// are flat-shaded in the fragment shader from screen-space derivatives, so no normal is stored and a
/// rectangular building costs 8 vertices instead of 30 (software GL spends most of a frame per vertex).
/// Per vertex: position (x, y, z) relative to <see cref="Origin"/> (float precision: EPSG:2180 coordinates near
/// 5·10⁵ m would lose ~3 cm as float, viewer-notes §4.12) and the building's index + 1 (colour lookup, picking).
/// Triangles are counter-clockwise seen from outside (GL front faces). Built once per stock; recolouring
/// changes one value per building, never the mesh.
/// </summary>
public sealed class CityMesh
{
    /// <summary>Floats per vertex: the position.</summary>
    public const int FloatsPerVertex = 3;

    /// <summary>Edges shorter than this (duplicate points) get no wall.</summary>
    private const double MinEdgeM = 1e-4;

    private CityMesh(float[] positions, uint[] buildingIds, uint[] indices, Coordinate origin, Envelope extent, double maxHeightM, int buildings)
    {
        Positions = positions;
        BuildingIds = buildingIds;
        Indices = indices;
        Origin = origin;
        Extent = extent;
        MaxHeightM = maxHeightM;
        BuildingCount = buildings;
    }

    /// <summary>x, y, z per vertex [m], relative to <see cref="Origin"/>.</summary>
    public float[] Positions { get; }

    /// <summary>Building index + 1 per vertex (0 is the background in the id buffer).</summary>
    public uint[] BuildingIds { get; }

    /// <summary>Three vertex indices per triangle.</summary>
    public uint[] Indices { get; }

    /// <summary>The scene origin subtracted in double precision before building float vertices.</summary>
    public Coordinate Origin { get; }

    /// <summary>Extent of the footprints in the metric CRS (not origin-relative).</summary>
    public Envelope Extent { get; }

    /// <summary>Tallest building [m].</summary>
    public double MaxHeightM { get; }

    /// <summary>Number of buildings (meshed or not).</summary>
    public int BuildingCount { get; }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => BuildingIds.Length;

    /// <summary>Number of triangles.</summary>
    public int TriangleCount => Indices.Length / 3;

    /// <summary>Meshes footprints (metric CRS) with heights [m]; null footprints are skipped.</summary>
    public static CityMesh Build(IReadOnlyList<Geometry?> footprints, IReadOnlyList<double> heightsM) => Build(PolygonColumns.FromGeometries(footprints), heightsM);

    /// <summary>Meshes footprints (metric CRS, as columns) with heights [m]; features without polygons or height, and
    /// rings of fewer than 3 vertices, are skipped. Roofs without holes: a fan when convex, else <see cref="EarClipping"/>;
    /// with holes (courtyards) or over <see cref="EarClipping.MaxVertices"/> concave vertices: NTS PolygonTriangulator
    /// (its triangles are clockwise: reversed for GL, notes §4.4).</summary>
    public static CityMesh Build(PolygonColumns footprints, IReadOnlyList<double> heightsM)
    {
        Envelope extent = footprints.Extent();
        var origin = extent.IsNull ? new Coordinate(0, 0) : new Coordinate(Math.Floor(extent.Centre.X), Math.Floor(extent.Centre.Y));

        // Two passes without per-building lists: count each building's vertices and indices (triangulating only
        // the roofs NTS does, whose triangles are kept), then fill at the prefix-summed offsets, both in parallel.
        int n = footprints.Count;
        int[] vertexOffsets = new int[n + 1], indexOffsets = new int[n + 1];
        var ntsRoofs = new List<int>?[n];
        var factory = new GeometryFactory();
        Parallel.For(0, n, i =>
        {
            if (!(heightsM[i] > 0))
            {
                return;
            }

            int vertices = 0, indices = 0;
            for (int p = footprints.FeatureOffsets[i]; p < footprints.FeatureOffsets[i + 1]; p++)
            {
                int firstRing = footprints.PolygonOffsets[p], endRing = footprints.PolygonOffsets[p + 1];
                int polygonFirstVertex = vertices;
                for (int r = firstRing; r < endRing; r++)
                {
                    int m = RingVertices(footprints, r);
                    if (m >= 3)
                    {
                        vertices += 2 * m;
                        indices += 6 * Edges(X(footprints, r), Y(footprints, r));
                    }
                }

                if (!RoofByNts(footprints, p))
                {
                    indices += 3 * Math.Max(0, RingVertices(footprints, firstRing) - 2); // n − 2 triangles
                }
                else
                {
                    List<int> roof = ntsRoofs[i] ??= [];
                    int before = roof.Count;
                    TriangulateByNts(footprints, p, factory, polygonFirstVertex, roof);
                    indices += roof.Count - before;
                }
            }

            vertexOffsets[i + 1] = vertices;
            indexOffsets[i + 1] = indices;
        });

        for (int i = 0; i < n; i++)
        {
            vertexOffsets[i + 1] += vertexOffsets[i];
            indexOffsets[i + 1] += indexOffsets[i];
        }

        float[] positions = new float[vertexOffsets[n] * FloatsPerVertex];
        uint[] buildingIds = new uint[vertexOffsets[n]];
        uint[] meshIndices = new uint[indexOffsets[n]];
        Parallel.For(0, n, i =>
        {
            if (vertexOffsets[i + 1] == vertexOffsets[i])
            {
                return;
            }

            var w = new Writer(positions, buildingIds, meshIndices, vertexOffsets[i], indexOffsets[i], (uint)(i + 1), (float)heightsM[i], origin);
            for (int p = footprints.FeatureOffsets[i]; p < footprints.FeatureOffsets[i + 1]; p++)
            {
                int firstRing = footprints.PolygonOffsets[p], endRing = footprints.PolygonOffsets[p + 1];
                for (int r = firstRing; r < endRing; r++)
                {
                    if (RingVertices(footprints, r) >= 3)
                    {
                        int ringFirst = w.AddRing(X(footprints, r), Y(footprints, r), shell: r == firstRing);
                        if (!RoofByNts(footprints, p))
                        {
                            AddRoof(X(footprints, r), Y(footprints, r), ringFirst, ref w);
                        }
                    }
                }
            }

            foreach (int local in ntsRoofs[i] ?? [])
            {
                w.Index(vertexOffsets[i] + local);
            }
        });

        return new CityMesh(positions, buildingIds, meshIndices, origin, extent, heightsM.Count == 0 ? 0 : heightsM.Max(), n);
    }

    private static ReadOnlySpan<double> X(PolygonColumns c, int r) => c.X.AsSpan(c.RingOffsets[r], c.RingOffsets[r + 1] - c.RingOffsets[r]);

    private static ReadOnlySpan<double> Y(PolygonColumns c, int r) => c.Y.AsSpan(c.RingOffsets[r], c.RingOffsets[r + 1] - c.RingOffsets[r]);

    /// <summary>
    /// Roofs with holes (courtyards), and concave rings too long for <see cref="EarClipping"/>, go to NTS; the rest are a fan
    /// (convex) or ear-clipped. Both mesh passes ask this, so their counts agree.
    /// </summary>
    private static bool RoofByNts(PolygonColumns c, int p)
    {
        int firstRing = c.PolygonOffsets[p];
        return c.PolygonOffsets[p + 1] - firstRing > 1
            || (RingVertices(c, firstRing) > EarClipping.MaxVertices && !IsConvex(X(c, firstRing), Y(c, firstRing)));
    }

    /// <summary>Distinct vertices of closed ring r (the closing vertex repeats the first).</summary>
    private static int RingVertices(PolygonColumns c, int r) => c.RingOffsets[r + 1] - c.RingOffsets[r] - 1;

    /// <summary>
    /// Roof of a polygon by NTS, as indices of the eaves vertices relative to the building's first vertex
    /// (<paramref name="polygonFirstVertex"/> is where this polygon's rings start; each ring of m vertices has m ground
    /// then m eaves vertices). NTS only reuses the polygon's vertices, found back by their coordinates.
    /// </summary>
    private static void TriangulateByNts(PolygonColumns c, int p, GeometryFactory factory, int polygonFirstVertex, List<int> roof)
    {
        var eaves = new Dictionary<(double, double), int>();
        int at = polygonFirstVertex;
        for (int r = c.PolygonOffsets[p]; r < c.PolygonOffsets[p + 1]; r++)
        {
            int m = RingVertices(c, r);
            if (m < 3)
            {
                continue;
            }

            for (int k = 0; k < m; k++)
            {
                eaves.TryAdd((c.X[c.RingOffsets[r] + k], c.Y[c.RingOffsets[r] + k]), at + m + k);
            }

            at += 2 * m;
        }

        IList<Tri> tris;
        try
        {
            tris = new PolygonTriangulator(c.ToPolygon(p, factory)).GetTriangles();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return; // invalid footprints are repaired upstream (Twin.Core); never crash the renderer
        }

        foreach (Tri t in tris)
        {
            // NTS triangles are clockwise whatever the ring orientation: taken reversed (CCW front faces, notes §4.4).
            if (eaves.TryGetValue((t.GetCoordinate(0).X, t.GetCoordinate(0).Y), out int a)
                && eaves.TryGetValue((t.GetCoordinate(2).X, t.GetCoordinate(2).Y), out int b)
                && eaves.TryGetValue((t.GetCoordinate(1).X, t.GetCoordinate(1).Y), out int d))
            {
                roof.AddRange([a, b, d]);
            }
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

    /// <summary>Roof of a ring without holes on its eaves vertices (from <paramref name="ringFirst"/> + m): a fan when
    /// convex, else ear clipping; n − 2 triangles either way.</summary>
    private static void AddRoof(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int ringFirst, ref Writer w)
    {
        int m = x.Length - 1, eaves = ringFirst + m;
        if (IsConvex(x, y))
        {
            bool ccw = SignedArea2(x, y) > 0;
            for (int k = 1; k < m - 1; k++)
            {
                w.Index(eaves);
                w.Index(eaves + (ccw ? k : k + 1));
                w.Index(eaves + (ccw ? k + 1 : k));
            }

            return;
        }

        Span<int> tris = stackalloc int[3 * (m - 2)];
        EarClipping.Triangulate(x, y, tris);
        foreach (int k in tris)
        {
            w.Index(eaves + k);
        }
    }

    /// <summary>Writes one building's vertices and indices at its offsets in the shared arrays.</summary>
    private struct Writer(float[] positions, uint[] ids, uint[] indices, int vertexAt, int indexAt, uint id, float height, Coordinate origin)
    {
        private int _vertexAt = vertexAt, _indexAt = indexAt;

        /// <summary>
        /// A ring's m ground vertices, then its m eaves vertices, and its walls: two triangles per edge, counter-clockwise
        /// seen from outside (a shell is walked counter-clockwise, a hole clockwise). Returns the ring's first vertex.
        /// </summary>
        public int AddRing(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool shell)
        {
            int m = x.Length - 1, first = _vertexAt;
            for (int k = 0; k < m; k++)
            {
                Vertex(x[k], y[k], 0);
            }

            for (int k = 0; k < m; k++)
            {
                Vertex(x[k], y[k], height);
            }

            bool reverse = (SignedArea2(x, y) > 0) != shell;
            for (int k = 0; k < m; k++)
            {
                int a = reverse ? (m - k) % m : k, b = reverse ? m - k - 1 : (k + 1) % m;
                double dx = x[b] - x[a], dy = y[b] - y[a];
                if (((dx * dx) + (dy * dy)) < MinEdgeM * MinEdgeM)
                {
                    continue;
                }

                int groundA = first + a, groundB = first + b, eavesA = first + m + a, eavesB = first + m + b;
                Index(groundA);
                Index(groundB);
                Index(eavesB);
                Index(groundA);
                Index(eavesB);
                Index(eavesA);
            }

            return first;
        }

        public void Index(int vertex) => indices[_indexAt++] = (uint)vertex;

        private void Vertex(double x, double y, float z)
        {
            int k = _vertexAt * FloatsPerVertex;
            positions[k] = (float)(x - origin.X);
            positions[k + 1] = (float)(y - origin.Y);
            positions[k + 2] = z;
            ids[_vertexAt++] = id;
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
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0; // not Math.Sign: it throws on NaN
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
