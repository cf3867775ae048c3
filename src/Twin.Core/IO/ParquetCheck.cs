using System.Buffers.Binary;
using System.Globalization;

namespace Twin.Core.IO;

/// <summary>
/// Checks a Parquet file's structure before Parquet.Net reads it (Apache Parquet format 2.x: "PAR1", column chunks of
/// pages, a Thrift compact-protocol footer, its length, "PAR1"). Parquet.Net trusts the counts it decodes: a list in the
/// footer declaring 2³¹ − 1 elements made it loop for minutes past the end of the file, and a page header's sizes and
/// value counts decide what it allocates. Here every list, string and page must fit the bytes that hold it, nesting is
/// bounded, each column chunk's pages must tile the chunk, and a page may claim at most
/// <see cref="MaxExpansion"/> times its compressed size uncompressed. Work and memory are proportional to the footer
/// and the page headers (a few KB per MB of data); no recursion deeper than <see cref="MaxDepth"/>.
/// </summary>
public static class ParquetCheck
{
    /// <summary>Thrift structs nested deeper than this are not Parquet metadata (a column's statistics are 5 deep).</summary>
    public const int MaxDepth = 24;

    /// <summary>
    /// The largest uncompressed/compressed size ratio a page may declare. Snappy and ZSTD reach ~10× on building
    /// attributes, RLE/dictionary encoding is applied before compression, so 1,024× leaves a wide margin while a damaged
    /// size of 2 GB in a 20 KB file is refused (plus 1 MiB for tiny pages).
    /// </summary>
    public const long MaxExpansion = 1024;

    /// <summary>Page headers larger than this are damaged (statistics are truncated by writers to a few hundred bytes).</summary>
    private const int MaxPageHeaderBytes = 16 << 20;

    private const byte Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12, Uuid = 13;

    /// <summary>The file's first structural problem, or null.</summary>
    public static string? Problem(Stream file)
    {
        long length = file.Length;
        Span<byte> tail = stackalloc byte[8];
        if (length < 12 || !ReadAt(file, 0, tail[..4]) || !tail[..4].SequenceEqual("PAR1"u8) || !ReadAt(file, length - 8, tail) || !tail[4..].SequenceEqual("PAR1"u8))
        {
            return "it is not a Parquet file (no 'PAR1' at its start and end)";
        }

        long footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        long footerStart = length - 8 - footerLength;
        if (footerStart < 4)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its footer length {footerLength} is larger than the file");
        }

        byte[] footer = new byte[footerLength];
        if (!ReadAt(file, footerStart, footer))
        {
            return "its footer cannot be read";
        }

        var chunks = new List<Chunk>();
        var c = new Cursor(footer);
        if (!FileMetaData(c, chunks))
        {
            return $"its footer (file metadata) is damaged: {c.Problem}";
        }

        foreach (Chunk chunk in chunks)
        {
            if (Pages(file, chunk, footerStart) is string problem)
            {
                return $"column chunk {chunk.Index + 1}: {problem}";
            }
        }

        return null;
    }

    /// <summary>A column chunk's byte range and how many values its row group holds.</summary>
    private sealed class Chunk
    {
        public int Index;
        public long Start = -1, Dictionary = -1, Size = -1, Rows;
        public bool External;
    }

    /// <summary>FileMetaData: field 4 is the list of row groups; everything else is checked and skipped.</summary>
    private static bool FileMetaData(Cursor c, List<Chunk> chunks) =>
        c.Fields(0, (id, type) => id == 4 && type == List
            ? c.Elements(1, Struct, () =>
            {
                int first = chunks.Count;
                long rows = 0;
                bool ok = c.Fields(2, (rid, rtype) =>
                    rid == 1 && rtype == List ? c.Elements(3, Struct, () => ColumnChunk(c, chunks))
                    : rid == 3 && rtype == I64 ? c.Varint(out rows)
                    : c.Skip(rtype, 3));
                for (int k = first; k < chunks.Count; k++)
                {
                    chunks[k].Rows = rows;
                }

                return ok;
            })
            : c.Skip(type, 1));

    /// <summary>ColumnChunk: field 1 a file path (data in another file), field 3 its ColumnMetaData (7 size, 9 data page, 11 dictionary page).</summary>
    private static bool ColumnChunk(Cursor c, List<Chunk> chunks)
    {
        var chunk = new Chunk { Index = chunks.Count };
        chunks.Add(chunk);
        return c.Fields(4, (id, type) =>
            id == 1 && type == Binary ? (chunk.External = true) && c.Skip(type, 5)
            : id == 3 && type == Struct ? c.Fields(5, (mid, mtype) =>
                mid == 7 && mtype == I64 ? c.Varint(out chunk.Size)
                : mid == 9 && mtype == I64 ? c.Varint(out chunk.Start)
                : mid == 11 && mtype == I64 ? c.Varint(out chunk.Dictionary)
                : c.Skip(mtype, 6))
            : c.Skip(type, 5));
    }

    /// <summary>Walks the chunk's page headers: each must lie in the chunk, declare sizes that fit it and value counts its row group can hold.</summary>
    private static string? Pages(Stream file, Chunk chunk, long footerStart)
    {
        if (chunk.External)
        {
            return "its data lies in another file, which twin does not read";
        }

        long start = chunk.Dictionary > 0 && chunk.Dictionary < chunk.Start ? chunk.Dictionary : chunk.Start;
        long end = start + chunk.Size;
        if (start < 4 || chunk.Size < 0 || end > footerStart)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its pages at bytes {start}…{end} lie outside the data of the file (4…{footerStart})");
        }

        long maxValues = Math.Max(chunk.Rows, 0) * 64 + 1024; // repeated (list) columns hold several values per row
        long pos = start;
        while (pos < end)
        {
            byte[] window = new byte[(int)Math.Min(end - pos, MaxPageHeaderBytes)];
            if (!ReadAt(file, pos, window))
            {
                return "it cannot be read";
            }

            var c = new Cursor(window);
            long uncompressed = -1, compressed = -1, values = 0;
            bool ok = c.Fields(0, (id, type) =>
                id == 2 && type == I32 ? c.Varint(out uncompressed)
                : id == 3 && type == I32 ? c.Varint(out compressed)
                : id is 5 or 7 or 8 && type == Struct ? c.Fields(1, (hid, htype) => hid == 1 && htype == I32 ? c.Varint(out values) : c.Skip(htype, 2))
                : c.Skip(type, 1));
            if (!ok)
            {
                return $"a page header at byte {pos} is damaged: {c.Problem}";
            }

            pos += c.Position;
            if (compressed < 0 || uncompressed < 0 || compressed > end - pos)
            {
                return string.Create(CultureInfo.InvariantCulture, $"a page at byte {pos} declares {compressed} bytes, more than its chunk holds");
            }

            if (uncompressed > (MaxExpansion * compressed) + (1 << 20))
            {
                return string.Create(CultureInfo.InvariantCulture, $"a page at byte {pos} declares {uncompressed} bytes uncompressed from {compressed}");
            }

            if (values < 0 || values > maxValues)
            {
                return string.Create(CultureInfo.InvariantCulture, $"a page at byte {pos} declares {values} values for a row group of {chunk.Rows} rows");
            }

            pos += compressed;
        }

        return null;
    }

    private static bool ReadAt(Stream file, long at, Span<byte> into)
    {
        file.Position = at;
        file.ReadExactly(into);
        return true;
    }

    /// <summary>A forward reader of the Thrift compact protocol over a buffer; <see cref="Problem"/> says why a read failed.</summary>
    private sealed class Cursor(byte[] b)
    {
        public int Position { get; private set; }

        public string Problem { get; private set; } = string.Empty;

        private bool Fail(string problem)
        {
            Problem = string.Create(CultureInfo.InvariantCulture, $"{problem} at byte {Position}");
            return false;
        }

        /// <summary>A struct: fields until STOP, each passed to <paramref name="field"/> (id, type), which must consume it.</summary>
        public bool Fields(int depth, Func<int, byte, bool> field)
        {
            if (depth > MaxDepth)
            {
                return Fail("structures nested too deep");
            }

            int id = 0;
            while (true)
            {
                if (Position >= b.Length)
                {
                    return Fail("the end of the data inside a structure");
                }

                byte header = b[Position++];
                if (header == Stop)
                {
                    return true;
                }

                byte type = (byte)(header & 0x0F);
                int delta = header >> 4;
                if (delta == 0)
                {
                    if (!Varint(out long explicitId))
                    {
                        return false; // a zigzag i16
                    }

                    id = (int)explicitId;
                }
                else
                {
                    id += delta;
                }

                if (!field(id, type))
                {
                    return false;
                }
            }
        }

        /// <summary>A list or set of <paramref name="expected"/> elements, each read by <paramref name="element"/>.</summary>
        public bool Elements(int depth, byte expected, Func<bool> element)
        {
            if (depth > MaxDepth)
            {
                return Fail("structures nested too deep");
            }

            if (!ListHeader(out long count, out byte type))
            {
                return false;
            }

            if (type != expected)
            {
                return Fail(string.Create(CultureInfo.InvariantCulture, $"a list of type {type} where {expected} was expected"));
            }

            for (long k = 0; k < count; k++)
            {
                if (!element())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Skips one value of <paramref name="type"/>, checking every size inside it.</summary>
        public bool Skip(byte type, int depth)
        {
            if (depth > MaxDepth)
            {
                return Fail("structures nested too deep");
            }

            switch (type)
            {
                case True or False:
                    return true;
                case Byte:
                    return Advance(1);
                case I16 or I32 or I64:
                    return Varint(out _);
                case Double:
                    return Advance(8);
                case Uuid:
                    return Advance(16);
                case Binary:
                    return Unsigned(out long n) && Advance(n);
                case List or Set:
                {
                    if (!ListHeader(out long count, out byte element))
                    {
                        return false;
                    }

                    for (long k = 0; k < count; k++)
                    {
                        if (!(element is True or False ? Advance(1) : Skip(element, depth + 1)))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                case Map:
                {
                    if (!Unsigned(out long count))
                    {
                        return false;
                    }

                    if (count == 0)
                    {
                        return true;
                    }

                    if (count < 0 || 2 * count > b.Length - Position || !Advance(1))
                    {
                        return Fail("a map larger than the data");
                    }

                    byte kinds = b[Position - 1];
                    for (long k = 0; k < count; k++)
                    {
                        if (!Skip((byte)(kinds >> 4), depth + 1) || !Skip((byte)(kinds & 0x0F), depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                case Struct:
                    return Fields(depth + 1, (_, t) => Skip(t, depth + 2));
                default:
                    return Fail(string.Create(CultureInfo.InvariantCulture, $"unknown value type {type}"));
            }
        }

        /// <summary>A list header: size in the high nibble (15 = a varint follows), element type in the low one; at least one byte per element must remain.</summary>
        private bool ListHeader(out long count, out byte type)
        {
            count = 0;
            type = 0;
            if (Position >= b.Length)
            {
                return Fail("the end of the data at a list");
            }

            byte header = b[Position++];
            type = (byte)(header & 0x0F);
            count = header >> 4;
            if (count == 15 && !Unsigned(out count))
            {
                return false;
            }

            return count >= 0 && count <= b.Length - Position || Fail(string.Create(CultureInfo.InvariantCulture, $"a list of {count} elements in {b.Length - Position} bytes"));
        }

        /// <summary>An I16/I32/I64 value: a zigzag-encoded varint.</summary>
        public bool Varint(out long value)
        {
            bool ok = Unsigned(out long raw);
            value = (long)((ulong)raw >> 1) ^ -(raw & 1);
            return ok;
        }

        /// <summary>An unsigned LEB128 varint of at most 10 bytes (sizes and lengths); above <see cref="long.MaxValue"/> it is refused.</summary>
        private bool Unsigned(out long value)
        {
            ulong v = 0;
            for (int shift = 0; shift < 70; shift += 7)
            {
                if (Position >= b.Length)
                {
                    value = 0;
                    return Fail("the end of the data inside a number");
                }

                byte x = b[Position++];
                v |= (ulong)(x & 0x7F) << shift;
                if ((x & 0x80) == 0)
                {
                    value = (long)v;
                    return value >= 0 || Fail("a size beyond 2⁶³");
                }
            }

            value = 0;
            return Fail("a number longer than 10 bytes");
        }

        private bool Advance(long n)
        {
            if (n > b.Length - Position)
            {
                return Fail(string.Create(CultureInfo.InvariantCulture, $"{n} bytes declared where {b.Length - Position} remain"));
            }

            Position += (int)n;
            return true;
        }
    }
}
