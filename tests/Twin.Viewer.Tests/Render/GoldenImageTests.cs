using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Tests.Shared;
using Twin.Viewer.IO;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Tests.Render;

/// <summary>
/// Regression against a reviewed golden image (tests/Twin.Viewer.Tests/Golden/). Bit-exact on one Mesa version; compared
/// with a tolerance so a Mesa upgrade or a GPU does not fail it (viewer-notes §6). Regenerate after a reviewed change with
/// <c>TWIN_REGENERATE_GOLDEN=1 dotnet test tests/Twin.Viewer.Tests --filter GoldenImage</c> and look at the new PNG before committing it.
/// </summary>
public sealed class GoldenImageTests
{
    /// <summary>A pixel matches when every channel is within this of the golden one…</summary>
    private const int ChannelTolerance = 8;

    /// <summary>…and at least this share of pixels must match (edges may shift by a pixel on other rasterisers).</summary>
    private const double MinMatchingShare = 0.995;

    [SkippableFact]
    public void ObliqueCourtyardBlock_MatchesGolden()
    {
        Geometry[] footprints =
        [
            new WKTReader().Read("POLYGON ((0 0, 60 0, 60 60, 0 60, 0 0), (20 20, 40 20, 40 40, 20 40, 20 20))"),
            new WKTReader().Read("POLYGON ((80 0, 120 0, 120 20, 100 20, 100 50, 80 50, 80 0))"),
            new WKTReader().Read("POLYGON ((0 80, 50 80, 25 110, 0 80))"),
        ];
        var options = new MapOptions { Width = 320, Height = 240, Camera = CameraKind.Oblique, Title = "golden", Quantity = "value", Unit = "-" };
        RenderedFrame frame = HeadlessGl.OrSkip(() => MapRenderer.Render(footprints, [18.0, 30.0, 9.0], [0.0, 0.5, 1.0], options).Frame);

        string golden = Path.Combine(Twin.Tests.Shared.RepoPaths.Root, "tests", "Twin.Viewer.Tests", "Golden", "oblique-courtyard-320x240.png");
        if (Environment.GetEnvironmentVariable("TWIN_REGENERATE_GOLDEN") == "1")
        {
            PngWriter.Write(golden, frame.Width, frame.Height, frame.Rgba);
        }

        Skip.IfNot(File.Exists(golden), $"{golden} is missing: regenerate it (see the class comment) and review it.");
        byte[] expected = Twin.Viewer.Tests.IO.TestPng.Decode(File.ReadAllBytes(golden), out int w, out int h);
        Assert.Equal((frame.Width, frame.Height), (w, h));
        int matching = 0;
        for (int k = 0; k < w * h; k++)
        {
            bool same = true;
            for (int c = 0; c < 3; c++)
            {
                same &= Math.Abs(expected[(4 * k) + c] - frame.Rgba[(4 * k) + c]) <= ChannelTolerance;
            }

            matching += same ? 1 : 0;
        }

        Assert.True(matching >= MinMatchingShare * w * h, $"{matching} of {w * h} pixels match the golden image");
    }
}
