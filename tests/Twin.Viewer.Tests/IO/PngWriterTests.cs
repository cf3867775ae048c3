using System.Buffers.Binary;
using Twin.Viewer.IO;

namespace Twin.Viewer.Tests.IO;

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

        Assert.Equal(rgba, TestPng.Decode(png, out int w, out int h)); // TestPng also checks the Sub filter on every row
        Assert.Equal((W, H), (w, h));
    }
}
