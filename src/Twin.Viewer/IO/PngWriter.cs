using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Twin.Viewer.IO;

/// <summary>
/// Minimal PNG encoder (W3C PNG 2nd ed.): 8-bit RGBA, filter type 1 (Sub) on every row, zlib stream, CRC-32 per
/// chunk. About 6× faster than StbImageWriteSharp at 1080p with identical pixels (viewer-notes §2, §5).
/// </summary>
public static class PngWriter
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Writes an RGBA image (top row first) as PNG to a file, under a temporary name renamed into place.</summary>
    public static void Write(string path, int width, int height, ReadOnlySpan<byte> rgbaTopDown)
    {
        string tmp = path + ".tmp-" + Environment.ProcessId;
        using (FileStream f = File.Create(tmp))
        {
            Write(f, width, height, rgbaTopDown);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Writes an RGBA image (top row first) as PNG to a stream.</summary>
    public static void Write(Stream output, int width, int height, ReadOnlySpan<byte> rgbaTopDown)
    {
        output.Write(Signature);
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        Chunk(output, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            int stride = width * 4;
            byte[] row = new byte[stride + 1];
            row[0] = 1; // Sub filter: each byte minus the same channel of the pixel to its left
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> src = rgbaTopDown.Slice(y * stride, stride);
                for (int x = 0; x < stride; x++)
                {
                    row[x + 1] = (byte)(src[x] - (x >= 4 ? src[x - 4] : 0));
                }

                z.Write(row);
            }
        }

        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
    }

    private static void Chunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, crc.GetCurrentHashAsUInt32());
        output.Write(sum);
    }
}
