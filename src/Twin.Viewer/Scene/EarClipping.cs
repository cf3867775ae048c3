namespace Twin.Viewer.Scene;

/// <summary>
/// Ear clipping (Meisters 1975, "Polygons have ears") of one closed ring without holes of up to
/// <see cref="MaxVertices"/> vertices, on spans and without allocation (O(n²), so longer rings go to NTS). Why not NTS here: its PolygonTriangulator builds
/// objects per vertex and triangle, ~27 µs per six-vertex L-shaped footprint on this machine, which made roofs
/// the largest part of a 100k-building map; this is ~1 µs. Rings with holes still go to NTS (CityMesh).
/// A ring of n distinct vertices always gives n − 2 triangles, counter-clockwise (GL front faces), so a mesh
/// can size its buffers before triangulating. Degenerate or self-intersecting rings (repaired upstream, never
/// expected here) still give n − 2 triangles, some of them wrong, rather than an exception.
/// </summary>
public static class EarClipping
{
    /// <summary>The longest ring triangulated here (stack scratch space; the work grows with n²).</summary>
    public const int MaxVertices = 256;

    /// <summary>
    /// Triangulates a closed ring (last vertex = first; either orientation) into <paramref name="triangles"/>:
    /// three vertex indices per triangle, counter-clockwise. Returns the number of triangles, n − 2 (0 when n &lt; 3).
    /// </summary>
    public static int Triangulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<int> triangles)
    {
        int n = x.Length - 1;
        if (n < 3)
        {
            return 0;
        }

        if (n > MaxVertices)
        {
            throw new ArgumentException($"A ring of {n} vertices is longer than {MaxVertices}; triangulate it with NTS.", nameof(x));
        }

        Span<int> ring = stackalloc int[n];
        bool ccw = CityMesh.SignedArea2(x, y) >= 0;
        for (int k = 0; k < n; k++)
        {
            ring[k] = ccw ? k : n - 1 - k;
        }

        int count = 0, remaining = n, at = 0, tried = 0;
        while (remaining > 3)
        {
            if (IsEar(x, y, ring[..remaining], at))
            {
                Clip(ring, ref at, ref remaining, triangles, ref count);
                tried = 0;
            }
            else if (++tried < remaining)
            {
                at = (at + 1) % remaining;
            }
            else
            {
                // No ear: the ring is degenerate. Clip a collinear vertex (a zero-area triangle) if there is one, else this one.
                at = CollinearVertex(x, y, ring[..remaining]) is int c and >= 0 ? c : at;
                Clip(ring, ref at, ref remaining, triangles, ref count);
                tried = 0;
            }
        }

        at = 1;
        Clip(ring, ref at, ref remaining, triangles, ref count);
        return count;
    }

    /// <summary>Emits the triangle at ring[at] with its two neighbours and removes ring[at].</summary>
    private static void Clip(Span<int> ring, ref int at, ref int remaining, Span<int> triangles, ref int count)
    {
        triangles[3 * count] = ring[(at + remaining - 1) % remaining];
        triangles[(3 * count) + 1] = ring[at];
        triangles[(3 * count) + 2] = ring[(at + 1) % remaining];
        count++;
        ring[(at + 1)..remaining].CopyTo(ring[at..]);
        remaining--;
        at = at == remaining ? 0 : at;
    }

    /// <summary>Twice the signed area of triangle abc: positive when counter-clockwise.</summary>
    private static double Cross(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int a, int b, int c) =>
        ((x[b] - x[a]) * (y[c] - y[a])) - ((y[b] - y[a]) * (x[c] - x[a]));

    /// <summary>A strictly convex corner whose triangle holds no other vertex of the ring (inside or on its edges).</summary>
    private static bool IsEar(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<int> ring, int at)
    {
        int prev = ring[(at + ring.Length - 1) % ring.Length], cur = ring[at], next = ring[(at + 1) % ring.Length];
        if (Cross(x, y, prev, cur, next) <= 0)
        {
            return false;
        }

        foreach (int p in ring)
        {
            if (p == prev || p == cur || p == next || SamePoint(x, y, p, prev) || SamePoint(x, y, p, cur) || SamePoint(x, y, p, next))
            {
                continue;
            }

            if (Cross(x, y, prev, cur, p) >= 0 && Cross(x, y, cur, next, p) >= 0 && Cross(x, y, next, prev, p) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SamePoint(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int a, int b) => x[a] == x[b] && y[a] == y[b];

    private static int CollinearVertex(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<int> ring)
    {
        for (int k = 0; k < ring.Length; k++)
        {
            if (Cross(x, y, ring[(k + ring.Length - 1) % ring.Length], ring[k], ring[(k + 1) % ring.Length]) == 0)
            {
                return k;
            }
        }

        return -1;
    }
}
