using System.Buffers.Binary;
using System.IO.Compression;
using Twin.Viewer.Png;

namespace Twin.Viewer.Tests.Png;

public sealed class PngWriterTests
{
    [Fact]
    public void Write_ThenDecode_SamePixels()
    {
        const int W = 7, H = 5;
        byte[] rgba = new byte[W * H * 4];
        new Random(3).NextBytes(rgba);
        using var ms = new MemoryStream();
        PngWriter.Write(ms, W, H, rgba);
        byte[] png = ms.ToArray();
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        Assert.Equal(W, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(H, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

        // Find IDAT, inflate, undo the Sub filter.
        int pos = 8;
        byte[]? idat = null;
        while (pos < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            if (type == "IDAT")
            {
                idat = png[(pos + 8)..(pos + 8 + len)];
            }

            pos += 12 + len;
        }

        using var z = new ZLibStream(new MemoryStream(idat!), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] data = raw.ToArray();
        Assert.Equal(H * ((W * 4) + 1), data.Length);
        for (int y = 0; y < H; y++)
        {
            Assert.Equal(1, data[y * ((W * 4) + 1)]);
            for (int x = 0; x < W * 4; x++)
            {
                byte left = x >= 4 ? rgba[(y * W * 4) + x - 4] : (byte)0;
                Assert.Equal(rgba[(y * W * 4) + x], (byte)(data[(y * ((W * 4) + 1)) + 1 + x] + left));
            }
        }
    }
}
