using NetTopologySuite.Geometries;

namespace Twin.Core.Spatial;

/// <summary>
/// Polygonal features as flat columns, laid out like GeoArrow's separated "multipolygon" encoding
/// (https://geoarrow.org/format.html): all vertices in <see cref="X"/>/<see cref="Y"/>, and three offset
/// arrays (feature → polygons → rings → vertices), each one longer than what it indexes. The first ring of a
/// polygon is its shell, the others its holes; every ring is closed (last vertex = first).
/// Why: meshing and reprojecting 10⁵–10⁶ footprints is a loop over two double arrays, with no object per
/// vertex or ring (NTS geometries cost ~4 µs each to build from WKB, the whole map budget at 10⁶ buildings).
/// </summary>
public sealed class PolygonColumns
{
    /// <summary>Columns from vertex coordinates and the prefix offsets of rings (into x/y), polygons (into rings) and features (into polygons).</summary>
    public PolygonColumns(double[] x, double[] y, int[] ringOffsets, int[] polygonOffsets, int[] featureOffsets)
    {
        if (x.Length != y.Length || ringOffsets.Length == 0 || polygonOffsets.Length == 0 || featureOffsets.Length == 0
            || ringOffsets[^1] != x.Length || polygonOffsets[^1] != ringOffsets.Length - 1 || featureOffsets[^1] != polygonOffsets.Length - 1)
        {
            throw new ArgumentException("Offsets do not match: each offset array must end at the length of what it indexes.");
        }

        X = x;
        Y = y;
        RingOffsets = ringOffsets;
        PolygonOffsets = polygonOffsets;
        FeatureOffsets = featureOffsets;
    }

    /// <summary>Vertex x coordinates of every ring, rings one after the other.</summary>
    public double[] X { get; }

    /// <summary>Vertex y coordinates, parallel to <see cref="X"/>.</summary>
    public double[] Y { get; }

    /// <summary>Ring r's vertices are [RingOffsets[r], RingOffsets[r + 1]).</summary>
    public int[] RingOffsets { get; }

    /// <summary>Polygon p's rings are [PolygonOffsets[p], PolygonOffsets[p + 1]); the first is the shell.</summary>
    public int[] PolygonOffsets { get; }

    /// <summary>Feature i's polygons are [FeatureOffsets[i], FeatureOffsets[i + 1]); none for a missing or unreadable geometry.</summary>
    public int[] FeatureOffsets { get; }

    /// <summary>Number of features.</summary>
    public int Count => FeatureOffsets.Length - 1;

    /// <summary>Flattens NTS polygons and multipolygons; any other geometry (or null, or empty) becomes a feature without polygons.</summary>
    public static PolygonColumns FromGeometries(IReadOnlyList<Geometry?> geometries)
    {
        var x = new List<double>();
        var y = new List<double>();
        var rings = new List<int> { 0 };
        var polygons = new List<int> { 0 };
        int[] features = new int[geometries.Count + 1];
        for (int i = 0; i < geometries.Count; i++)
        {
            if (geometries[i] is Geometry g && g is Polygon or MultiPolygon)
            {
                for (int p = 0; p < g.NumGeometries; p++)
                {
                    if (g.GetGeometryN(p) is Polygon { IsEmpty: false } poly)
                    {
                        Add(poly.Shell.CoordinateSequence);
                        foreach (LinearRing hole in poly.Holes)
                        {
                            Add(hole.CoordinateSequence);
                        }

                        polygons.Add(rings.Count - 1);
                    }
                }
            }

            features[i + 1] = polygons.Count - 1;
        }

        return new PolygonColumns([.. x], [.. y], [.. rings], [.. polygons], features);

        void Add(CoordinateSequence s)
        {
            for (int k = 0; k < s.Count; k++)
            {
                x.Add(s.GetX(k));
                y.Add(s.GetY(k));
            }

            rings.Add(x.Count);
        }
    }

    /// <summary>The envelope of all vertices (null envelope when there are none).</summary>
    public Envelope Extent()
    {
        if (X.Length == 0)
        {
            return new Envelope();
        }

        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        for (int k = 0; k < X.Length; k++)
        {
            minX = Math.Min(minX, X[k]);
            maxX = Math.Max(maxX, X[k]);
            minY = Math.Min(minY, Y[k]);
            maxY = Math.Max(maxY, Y[k]);
        }

        return new Envelope(minX, maxX, minY, maxY);
    }

    /// <summary>Polygon p as an NTS polygon (for the operations that need one, e.g. triangulating a concave roof).</summary>
    public Polygon ToPolygon(int p, GeometryFactory factory)
    {
        int first = PolygonOffsets[p], end = PolygonOffsets[p + 1];
        LinearRing shell = Ring(first);
        var holes = new LinearRing[end - first - 1];
        for (int r = first + 1; r < end; r++)
        {
            holes[r - first - 1] = Ring(r);
        }

        return factory.CreatePolygon(shell, holes);

        LinearRing Ring(int r)
        {
            var c = new Coordinate[RingOffsets[r + 1] - RingOffsets[r]];
            for (int k = 0; k < c.Length; k++)
            {
                c[k] = new Coordinate(X[RingOffsets[r] + k], Y[RingOffsets[r] + k]);
            }

            return factory.CreateLinearRing(c);
        }
    }

    /// <summary>
    /// Reprojects every vertex in place, in parallel chunks (ProjNet's span transform per chunk), then copies each
    /// ring's first vertex onto its closing one, which ProjNet's batch transform can change in the last bit.
    /// </summary>
    public void TransformInPlace(Reprojector reprojector, ParallelOptions? parallel = null)
    {
        if (reprojector.IsIdentity || X.Length == 0)
        {
            return;
        }

        const int chunk = 16_384;
        Parallel.For(0, ((X.Length - 1) / chunk) + 1, parallel ?? new ParallelOptions(), c =>
        {
            int start = c * chunk, length = Math.Min(chunk, X.Length - start);
            reprojector.Transform(X.AsSpan(start, length), Y.AsSpan(start, length));
        });

        for (int r = 0; r + 1 < RingOffsets.Length; r++)
        {
            int first = RingOffsets[r], last = RingOffsets[r + 1] - 1;
            if (last > first)
            {
                X[last] = X[first];
                Y[last] = Y[first];
            }
        }
    }
}
