using System.Buffers.Binary;
using System.IO.Compression;

namespace Twin.Viewer.Tests.IO;

/// <summary>A test-side PNG decoder for the files <see cref="Twin.Viewer.IO.PngWriter"/> writes (RGBA8, one IDAT stream, Sub filter).</summary>
internal static class TestPng
{
    /// <summary>Decodes the PNGs written by <see cref="PngWriter"/> (RGBA8, Sub filter).</summary>
    public static byte[] Decode(byte[] png, out int width, out int height)
    {
        width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        using var idat = new MemoryStream();
        for (int pos = 8; pos < png.Length;)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            if (System.Text.Encoding.ASCII.GetString(png, pos + 4, 4) == "IDAT")
            {
                idat.Write(png, pos + 8, len);
            }

            pos += 12 + len;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] data = raw.ToArray();
        int stride = width * 4;
        Assert.Equal(height * (stride + 1), data.Length); // one filter byte + one row of pixels per line, nothing more
        byte[] rgba = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(1, data[y * (stride + 1)]); // Sub filter only
            for (int x = 0; x < stride; x++)
            {
                byte left = x >= 4 ? rgba[(y * stride) + x - 4] : (byte)0;
                rgba[(y * stride) + x] = (byte)(data[(y * (stride + 1)) + 1 + x] + left);
            }
        }

        return rgba;
    }
}
