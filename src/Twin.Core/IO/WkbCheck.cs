using System.Buffers.Binary;
using System.Globalization;

namespace Twin.Core.IO;

/// <summary>
/// Checks a WKB blob's structure before NetTopologySuite decodes it (OGC Simple Features Access 1.2.1 §8.2; ISO Z/M type
/// codes and PostGIS EWKB flags as in <see cref="WkbPolygons"/>): every declared count must fit the bytes left and
/// collections may nest only <see cref="MaxDepth"/> deep. NTS's reader trusts both — a count of 2³¹ allocates until
/// memory runs out, a GeometryCollection nested 100,000 deep overflows the stack (which no catch can stop) — so a
/// damaged blob is refused here, costing its feature. One forward pass with an explicit stack, no recursion.
/// </summary>
public static class WkbCheck
{
    /// <summary>Collections inside collections deeper than this are not footprints (a MultiPolygon in a GeometryCollection is 2).</summary>
    public const int MaxDepth = 8;

    /// <summary>The blob's first structural problem, or null when NTS can decode it safely.</summary>
    public static string? Problem(ReadOnlySpan<byte> wkb)
    {
        int at = 0;
        Span<int> left = stackalloc int[MaxDepth + 1]; // children still to read, per open collection
        int depth = 0;
        do
        {
            if (depth > 0)
            {
                left[depth - 1]--;
            }

            if (at + 5 > wkb.Length)
            {
                return "cut short";
            }

            if (wkb[at] > 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"byte-order mark {wkb[at]} at byte {at} (0 or 1 expected)");
            }

            bool little = wkb[at] == 1;
            uint raw = little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[(at + 1)..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[(at + 1)..]);
            at += 5;
            bool z = (raw & 0x80000000) != 0, m = (raw & 0x40000000) != 0;
            if ((raw & 0x20000000) != 0)
            {
                at += 4; // EWKB SRID
            }

            uint code = raw & 0x0FFFFFFF;
            z |= code / 1000 is 1 or 3;
            m |= code / 1000 is 2 or 3;
            uint type = code % 1000;
            int point = 8 * (2 + (z ? 1 : 0) + (m ? 1 : 0));
            switch (type)
            {
                case 1:
                    at += point;
                    break;
                case 2:
                    if (!Points(wkb, ref at, point, little))
                    {
                        return "a point count beyond the blob";
                    }

                    break;
                case 3:
                {
                    if (Count(wkb, ref at, 4, little) is not int rings)
                    {
                        return "a ring count beyond the blob";
                    }

                    for (int r = 0; r < rings; r++)
                    {
                        if (!Points(wkb, ref at, point, little))
                        {
                            return "a point count beyond the blob";
                        }
                    }

                    break;
                }

                case 4 or 5 or 6 or 7:
                {
                    if (Count(wkb, ref at, 9, little) is not int children)
                    {
                        return "a part count beyond the blob";
                    }

                    if (depth == MaxDepth)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"collections nested deeper than {MaxDepth}");
                    }

                    left[depth++] = children;
                    break;
                }

                default:
                    return string.Create(CultureInfo.InvariantCulture, $"geometry type {code} is not a point, line or polygon type");
            }

            if (at > wkb.Length)
            {
                return "cut short";
            }

            while (depth > 0 && left[depth - 1] == 0)
            {
                depth--;
            }
        }
        while (depth > 0);

        return null;
    }

    /// <summary>A count at <paramref name="at"/> whose items of at least <paramref name="minItemBytes"/> each fit the rest of the blob; null otherwise.</summary>
    private static int? Count(ReadOnlySpan<byte> wkb, ref int at, int minItemBytes, bool little)
    {
        if (at + 4 > wkb.Length)
        {
            return null;
        }

        uint n = little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[at..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[at..]);
        at += 4;
        return (long)n * minItemBytes <= wkb.Length - at ? (int)n : null;
    }

    private static bool Points(ReadOnlySpan<byte> wkb, ref int at, int pointBytes, bool little)
    {
        if (Count(wkb, ref at, pointBytes, little) is not int n)
        {
            return false;
        }

        at += n * pointBytes;
        return true;
    }
}
