using System.Buffers.Binary;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Decodes WKB polygons and multipolygons straight into <see cref="PolygonColumns"/>, without an NTS object per
/// geometry: OGC Simple Features Access 1.2.1 §8.2 (WKB), both byte orders, ISO Z/M/ZM type codes (1003, 2003,
/// 3003…) and PostGIS EWKB flags (Z 0x80000000, M 0x40000000, SRID 0x20000000); Z and M are skipped.
/// Two passes over the blobs in parallel: count (and validate), then fill at the prefix-summed offsets.
/// An unclosed ring is closed (one vertex added); anything malformed leaves that feature without polygons and
/// its reason in the errors array.
/// </summary>
public static class WkbPolygons
{
    private const uint PolygonType = 3, MultiPolygonType = 6;

    /// <summary>Decodes one WKB blob per feature (null or empty = no geometry); <paramref name="errors"/>[i] gets the reason a blob was unreadable.</summary>
    public static PolygonColumns Decode(IReadOnlyList<byte[]?> blobs, string?[] errors, ParallelOptions? parallel = null)
    {
        parallel ??= new ParallelOptions();
        int n = blobs.Count;
        int[] polygons = new int[n + 1], rings = new int[n + 1], points = new int[n + 1];
        Parallel.For(0, n, parallel, i =>
        {
            if (blobs[i] is not { Length: > 0 } blob)
            {
                return;
            }

            var at = default(Cursor);
            try
            {
                Geometry(blob, ref at, null);
                (polygons[i + 1], rings[i + 1], points[i + 1]) = (at.Polygon, at.Ring, at.Point);
            }
            catch (FormatException ex)
            {
                errors[i] = $"malformed WKB geometry: {ex.Message}";
            }
        });

        for (int i = 0; i < n; i++)
        {
            polygons[i + 1] += polygons[i];
            rings[i + 1] += rings[i];
            points[i + 1] += points[i];
        }

        var target = new Target(new double[points[n]], new double[points[n]], new int[rings[n] + 1], new int[polygons[n] + 1]);
        Parallel.For(0, n, parallel, i =>
        {
            if (polygons[i + 1] > polygons[i])
            {
                var at = new Cursor { Polygon = polygons[i], Ring = rings[i], Point = points[i] };
                Geometry(blobs[i]!, ref at, target);
            }
        });

        return new PolygonColumns(target.X, target.Y, target.RingOffsets, target.PolygonOffsets, polygons);
    }

    /// <summary>Where the next polygon, ring and vertex go (counting pass: how many so far).</summary>
    private struct Cursor
    {
        public int Polygon;
        public int Ring;
        public int Point;
    }

    private sealed record Target(double[] X, double[] Y, int[] RingOffsets, int[] PolygonOffsets);

    private static void Geometry(ReadOnlySpan<byte> wkb, ref Cursor at, Target? target)
    {
        var reader = new Reader(wkb);
        (uint type, int dims) = reader.Header();
        if (type == PolygonType)
        {
            Polygon(ref reader, dims, ref at, target);
        }
        else if (type == MultiPolygonType)
        {
            uint parts = reader.UInt32();
            for (uint p = 0; p < parts; p++)
            {
                (uint partType, int partDims) = reader.Header();
                if (partType != PolygonType)
                {
                    throw new FormatException($"multipolygon part {p} has WKB type {partType}, not a polygon (3)");
                }

                Polygon(ref reader, partDims, ref at, target);
            }
        }
        else
        {
            throw new FormatException($"WKB type {type} is not a polygon (3) or multipolygon (6); building footprints must be polygonal");
        }
    }

    private static void Polygon(ref Reader reader, int dims, ref Cursor at, Target? target)
    {
        uint ringCount = reader.UInt32();
        if (ringCount == 0)
        {
            return; // POLYGON EMPTY: no polygon
        }

        for (uint r = 0; r < ringCount; r++)
        {
            uint count = reader.UInt32();
            if (count < 3)
            {
                throw new FormatException($"ring {r} has {count} vertices; a ring needs at least 3");
            }

            reader.Require((long)count * dims * sizeof(double));
            double x0 = 0, y0 = 0, x = 0, y = 0;
            for (uint k = 0; k < count; k++)
            {
                x = reader.Double();
                y = reader.Double();
                reader.Skip((dims - 2) * sizeof(double));
                if (!double.IsFinite(x) || !double.IsFinite(y))
                {
                    throw new FormatException($"vertex {k} of ring {r} is ({x}, {y}); coordinates must be finite numbers");
                }

                if (k == 0)
                {
                    (x0, y0) = (x, y);
                }

                Put(target, ref at, x, y);
            }

            if (x != x0 || y != y0)
            {
                Put(target, ref at, x0, y0);
            }

            if (target is not null)
            {
                target.RingOffsets[at.Ring + 1] = at.Point;
            }

            at.Ring++;
        }

        if (target is not null)
        {
            target.PolygonOffsets[at.Polygon + 1] = at.Ring;
        }

        at.Polygon++;
    }

    private static void Put(Target? target, ref Cursor at, double x, double y)
    {
        if (target is not null)
        {
            target.X[at.Point] = x;
            target.Y[at.Point] = y;
        }

        at.Point++;
    }

    /// <summary>Reads one WKB value after another; every geometry (also each multipolygon part) states its own byte order.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;
        private bool _little;

        /// <summary>Byte order and type; returns the base type (1–7) and the number of ordinates per vertex.</summary>
        public (uint Type, int Dims) Header()
        {
            Require(1);
            byte order = _data[_at++];
            if (order > 1)
            {
                throw new FormatException($"byte-order mark {order} at byte {_at - 1} is neither 0 (big endian) nor 1 (little endian)");
            }

            _little = order == 1;
            uint code = UInt32();
            bool z = (code & 0x8000_0000) != 0, m = (code & 0x4000_0000) != 0;
            if ((code & 0x2000_0000) != 0)
            {
                Skip(sizeof(int)); // EWKB SRID: the CRS comes from the file's metadata
            }

            code &= 0x0FFF_FFFF;
            uint iso = code / 1000;
            z |= iso is 1 or 3;
            m |= iso is 2 or 3;
            return (code % 1000, 2 + (z ? 1 : 0) + (m ? 1 : 0));
        }

        public uint UInt32()
        {
            Require(sizeof(uint));
            ReadOnlySpan<byte> s = _data.Slice(_at, sizeof(uint));
            _at += sizeof(uint);
            return _little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        }

        public double Double()
        {
            ReadOnlySpan<byte> s = _data.Slice(_at, sizeof(double));
            _at += sizeof(double);
            return _little ? BinaryPrimitives.ReadDoubleLittleEndian(s) : BinaryPrimitives.ReadDoubleBigEndian(s);
        }

        public void Skip(int bytes)
        {
            Require(bytes);
            _at += bytes;
        }

        public readonly void Require(long bytes)
        {
            if (_at + bytes > _data.Length)
            {
                throw new FormatException($"truncated: {bytes} more bytes needed at byte {_at} of {_data.Length}");
            }
        }
    }
}
