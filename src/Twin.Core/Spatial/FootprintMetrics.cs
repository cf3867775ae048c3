using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Twin.Core.Spatial;

/// <summary>Per-building footprint measures, one array per quantity (metres, m²), aligned with the input.</summary>
public sealed class FootprintMeasures
{
    internal FootprintMeasures(int n)
    {
        AreaM2 = new double[n];
        PerimeterM = new double[n];
        PartyWallLengthM = new double[n];
        ExposedNorthM = new double[n];
        ExposedEastM = new double[n];
        ExposedSouthM = new double[n];
        ExposedWestM = new double[n];
    }

    /// <summary>Footprint area [m²].</summary>
    public double[] AreaM2 { get; }

    /// <summary>Length of all rings [m].</summary>
    public double[] PerimeterM { get; }

    /// <summary>Edge length shared with neighbouring footprints [m].</summary>
    public double[] PartyWallLengthM { get; }

    /// <summary>Exposed (not shared) wall length whose outward normal faces north (315°–45°), east, south, west.</summary>
    public double[] ExposedNorthM { get; }

    /// <summary>Exposed wall length whose outward normal faces east (45–135°) [m].</summary>
    public double[] ExposedEastM { get; }

    /// <summary>Exposed wall length facing south (135–225°) [m].</summary>
    public double[] ExposedSouthM { get; }

    /// <summary>Exposed wall length facing west (225–315°) [m].</summary>
    public double[] ExposedWestM { get; }
}

/// <summary>Options of <see cref="FootprintMetrics"/>; defaults in one place.</summary>
public sealed record FootprintMetricsOptions
{
    /// <summary>
    /// Two walls count as one party wall when the neighbour's edge lies within this distance of the
    /// building's edge line. Assumption: 0.3 m absorbs digitising noise between cadastral footprints
    /// (BDOT10k/EGiB neighbours normally share vertices exactly) without joining buildings across a passage.
    /// </summary>
    public double PartyWallToleranceM { get; init; } = 0.3;

    /// <summary>Maximum angle between the two edges (degrees) for them to count as one wall. Assumption.</summary>
    public double PartyWallMaxAngleDeg { get; init; } = 10.0;

    /// <summary>The defaults.</summary>
    public static FootprintMetricsOptions Default { get; } = new();
}

/// <summary>
/// Area, perimeter, party walls and exposed wall length by orientation of footprints in a metric CRS.
/// Party walls are found with an STR-tree of footprint envelopes: an edge's length shared with any
/// neighbour's (anti)parallel, coincident edge is party wall; the rest is exposed. Buildings are
/// processed in parallel, each only reading shared state, so results do not depend on thread count.
/// </summary>
public static class FootprintMetrics
{
    /// <summary>Measures every footprint with the default tolerances.</summary>
    public static FootprintMeasures Compute(IReadOnlyList<Geometry?> footprints) => Compute(footprints, FootprintMetricsOptions.Default);

    /// <summary>Measures every footprint; <paramref name="parallel"/> bounds the worker threads and can cancel.</summary>
    public static FootprintMeasures Compute(IReadOnlyList<Geometry?> footprints, FootprintMetricsOptions options, ParallelOptions? parallel = null)
    {
        parallel ??= new ParallelOptions();
        int n = footprints.Count;
        var result = new FootprintMeasures(n);
        EdgeSet edges = EdgeSet.Build(footprints, parallel);
        var tree = new STRtree<int>();
        for (int i = 0; i < n; i++)
        {
            if (footprints[i] is Geometry g)
            {
                tree.Insert(g.EnvelopeInternal, i);
            }
        }

        tree.Build();
        double tol = options.PartyWallToleranceM;
        double sinTol = Math.Sin(options.PartyWallMaxAngleDeg * Math.PI / 180.0);
        Parallel.For(0, (n + 1023) / 1024, parallel, chunk =>
        {
            var intervals = new List<(double From, double To)>();
            var neighbours = new List<int>();
            int end = Math.Min(n, (chunk + 1) * 1024);
            for (int i = chunk * 1024; i < end; i++)
            {
                if (footprints[i] is not Geometry g)
                {
                    continue;
                }

                result.AreaM2[i] = g.Area;
                var search = new Envelope(g.EnvelopeInternal);
                search.ExpandBy(tol);
                neighbours.Clear();
                foreach (int j in tree.Query(search))
                {
                    if (j != i)
                    {
                        neighbours.Add(j);
                    }
                }

                neighbours.Sort(); // deterministic summation order
                MeasureEdges(i, edges, neighbours, tol, sinTol, intervals, result);
            }
        });
        return result;
    }

    private static void MeasureEdges(int i, EdgeSet edges, List<int> neighbours, double tol, double sinTol, List<(double From, double To)> intervals, FootprintMeasures r)
    {
        double perimeter = 0, party = 0, north = 0, east = 0, south = 0, west = 0;
        for (int e = edges.Offsets[i]; e < edges.Offsets[i + 1]; e++)
        {
            double x0 = edges.Coords[4 * e], y0 = edges.Coords[(4 * e) + 1], x1 = edges.Coords[(4 * e) + 2], y1 = edges.Coords[(4 * e) + 3];
            double dx = x1 - x0, dy = y1 - y0;
            double length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length < 1e-9)
            {
                continue;
            }

            perimeter += length;
            double ux = dx / length, uy = dy / length;
            intervals.Clear();
            foreach (int j in neighbours)
            {
                for (int f = edges.Offsets[j]; f < edges.Offsets[j + 1]; f++)
                {
                    double qx0 = edges.Coords[4 * f] - x0, qy0 = edges.Coords[(4 * f) + 1] - y0;
                    double qx1 = edges.Coords[(4 * f) + 2] - x0, qy1 = edges.Coords[(4 * f) + 3] - y0;
                    double d0 = (ux * qy0) - (uy * qx0), d1 = (ux * qy1) - (uy * qx1);
                    if (Math.Abs(d0) > tol || Math.Abs(d1) > tol)
                    {
                        continue;
                    }

                    double ex = qx1 - qx0, ey = qy1 - qy0;
                    double el = Math.Sqrt((ex * ex) + (ey * ey));
                    if (el < 1e-9 || Math.Abs((ux * ey) - (uy * ex)) / el > sinTol)
                    {
                        continue;
                    }

                    double t0 = (ux * qx0) + (uy * qy0), t1 = (ux * qx1) + (uy * qy1);
                    double from = Math.Max(0, Math.Min(t0, t1)), to = Math.Min(length, Math.Max(t0, t1));
                    if (to > from)
                    {
                        intervals.Add((from, to));
                    }
                }
            }

            double shared = UnionLength(intervals);
            party += shared;
            double exposed = length - shared;

            // Outward normal of an edge of a CCW shell or CW hole is (dy, −dx); azimuth clockwise from north.
            double azimuth = Math.Atan2(uy, -ux) * 180.0 / Math.PI;
            azimuth = azimuth < 0 ? azimuth + 360.0 : azimuth;
            switch (azimuth)
            {
                case >= 315 or < 45: north += exposed; break;
                case < 135: east += exposed; break;
                case < 225: south += exposed; break;
                default: west += exposed; break;
            }
        }

        r.PerimeterM[i] = perimeter;
        r.PartyWallLengthM[i] = party;
        r.ExposedNorthM[i] = north;
        r.ExposedEastM[i] = east;
        r.ExposedSouthM[i] = south;
        r.ExposedWestM[i] = west;
    }

    private static double UnionLength(List<(double From, double To)> intervals)
    {
        if (intervals.Count == 0)
        {
            return 0;
        }

        intervals.Sort((a, b) => a.From.CompareTo(b.From));
        double total = 0, start = intervals[0].From, stop = intervals[0].To;
        for (int k = 1; k < intervals.Count; k++)
        {
            if (intervals[k].From > stop)
            {
                total += stop - start;
                (start, stop) = intervals[k];
            }
            else
            {
                stop = Math.Max(stop, intervals[k].To);
            }
        }

        return total + (stop - start);
    }

    /// <summary>All ring edges of all footprints in one flat array (x0, y0, x1, y1 per edge) with per-building offsets.</summary>
    private sealed class EdgeSet
    {
        public int[] Offsets { get; private init; } = [];

        public double[] Coords { get; private init; } = [];

        public static EdgeSet Build(IReadOnlyList<Geometry?> footprints, ParallelOptions parallel)
        {
            int n = footprints.Count;
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++)
            {
                offsets[i + 1] = offsets[i] + (footprints[i] is Geometry g ? CountEdges(g) : 0);
            }

            double[] coords = new double[4 * offsets[n]];
            Parallel.For(0, n, parallel, i =>
            {
                if (footprints[i] is not Geometry g)
                {
                    return;
                }

                int e = offsets[i];
                for (int p = 0; p < g.NumGeometries; p++)
                {
                    if (g.GetGeometryN(p) is not Polygon poly)
                    {
                        continue;
                    }

                    e = AddRing(poly.Shell, ccw: true, coords, e);
                    foreach (LinearRing hole in poly.Holes)
                    {
                        e = AddRing(hole, ccw: false, coords, e);
                    }
                }
            });
            return new EdgeSet { Offsets = offsets, Coords = coords };
        }

        private static int CountEdges(Geometry g)
        {
            int count = 0;
            for (int p = 0; p < g.NumGeometries; p++)
            {
                if (g.GetGeometryN(p) is Polygon poly)
                {
                    count += poly.Shell.NumPoints - 1;
                    foreach (LinearRing hole in poly.Holes)
                    {
                        count += hole.NumPoints - 1;
                    }
                }
            }

            return count;
        }

        /// <summary>Adds a ring's edges so that the shell runs counter-clockwise and holes clockwise.</summary>
        private static int AddRing(LinearRing ring, bool ccw, double[] coords, int e)
        {
            CoordinateSequence s = ring.CoordinateSequence;
            int m = s.Count - 1;
            bool reverse = NetTopologySuite.Algorithm.Orientation.IsCCW(s) != ccw;
            for (int k = 0; k < m; k++)
            {
                int a = reverse ? m - k : k, b = reverse ? m - k - 1 : k + 1;
                coords[4 * e] = s.GetX(a);
                coords[(4 * e) + 1] = s.GetY(a);
                coords[(4 * e) + 2] = s.GetX(b);
                coords[(4 * e) + 3] = s.GetY(b);
                e++;
            }

            return e;
        }
    }
}
