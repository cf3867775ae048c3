using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Tests.Shared;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Tests.Render;

/// <summary>Real GL through EGL + Mesa (llvmpipe on CI); skipped where no EGL is installed.</summary>
public sealed class HeadlessRenderTests
{
    /// <summary>Colour tolerance per channel (llvmpipe is bit-exact, a GPU or another Mesa may round differently).</summary>
    private const int ColourTolerance = 3;

    /// <summary>Legend labels share one display unit, scaled by the larger end of the range, in fixed-point numbers (never "4.94E+5").</summary>
    [Theory]
    [InlineData(108.7, 494_300.0, "kg/a", "CO₂ [t/a]", "0.109", "247", "494")]
    [InlineData(0.0, 6.576e5, "kWh/a", "CO₂ [MWh/a]", "0", "329", "658")]
    [InlineData(-3.4e8, 3.4e8, "EUR", "CO₂ [M EUR]", "-340", "0", "340")]
    [InlineData(0.25, 0.8, "-", "CO₂", "0.25", "0.525", "0.8")]
    [InlineData(12.0, 77.5, "kg/(m²·a)", "CO₂ [kg/(m²·a)]", "12", "44.8", "77.5")]
    public void LegendLabels_OneReadableUnitForAll(double min, double max, string unit, string quantity, string lo, string mid, string hi) =>
        Assert.Equal((quantity, lo, mid, hi), MapAnnotations.Labels(new MapLegend("run", "CO₂", unit, min, max, ColourRamp.Viridis)));

    [SkippableFact]
    public void TopDown_IdBufferPicksEachBuilding_AndColoursFollowTheRamp()
    {
        Geometry[] footprints =
        [
            new WKTReader().Read("POLYGON ((0 0, 40 0, 40 40, 0 40, 0 0))"),
            new WKTReader().Read("POLYGON ((60 0, 100 0, 100 40, 60 40, 60 0))"),
        ];
        // Two values: each lies outside the 2nd–98th percentile range, so they take the two ends of the ramp.
        RenderedFrame frame = RenderOrSkip(footprints, [10.0, 20.0], [-10.0, 11.0], new MapOptions { Width = 200, Height = 80, Background = (255, 255, 255) });

        // The extent (100 × 40 m, 3 % margin) spans the 200 px width: x = 100 + (m − 50) · 200 / 103.
        int Px(double metresX) => (int)Math.Round(100 + ((metresX - 50) * 200 / 103.0));
        int Py(double metresY) => (int)Math.Round(40 - ((metresY - 20) * 200 / 103.0));
        Assert.Equal(0, frame.BuildingAt(Px(20), Py(20)));
        Assert.Equal(1, frame.BuildingAt(Px(80), Py(20)));
        Assert.Equal(-1, frame.BuildingAt(Px(50), Py(20))); // the gap between them
        Assert.Equal(-1, frame.BuildingAt(0, 0));

        // Roofs face up: Lambert factor 0.55 + 0.45·n·l with l = normalize(−0.4, −0.3, 0.85) → 0.9379.
        AssertColour(frame, Px(20), Py(20), ColourRamp.Viridis.At(0), 0.9379);
        AssertColour(frame, Px(80), Py(20), ColourRamp.Viridis.At(1), 0.9379);
        AssertColour(frame, Px(50), Py(20), (255, 255, 255), 1.0);
    }

    [SkippableFact]
    public void Oblique_SeesWallsAndRoofs()
    {
        Geometry[] footprints = Enumerable.Range(0, 25).Select(i => (Geometry)new WKTReader().Read(
            $"POLYGON (({i % 5 * 30} {i / 5 * 30}, {(i % 5 * 30) + 20} {i / 5 * 30}, {(i % 5 * 30) + 20} {(i / 5 * 30) + 20}, {i % 5 * 30} {(i / 5 * 30) + 20}, {i % 5 * 30} {i / 5 * 30}))")).ToArray();
        RenderedFrame frame = RenderOrSkip(footprints, footprints.Select((_, i) => 5.0 + i).ToArray(), footprints.Select((_, i) => (double)i).ToArray(), new MapOptions { Width = 320, Height = 240, Camera = CameraKind.Oblique });
        int[] seen = frame.BuildingIds.Where(id => id != 0).Select(id => (int)id - 1).Distinct().ToArray();
        Assert.True(seen.Length >= 20, $"{seen.Length} buildings visible");
    }

    private static RenderedFrame RenderOrSkip(Geometry[] footprints, double[] heights, double[] values, MapOptions options) =>
        HeadlessGl.OrSkip(() => MapRenderer.Render(footprints, heights, values, options).Frame);

    private static void AssertColour(RenderedFrame f, int x, int y, (byte R, byte G, byte B) baseColour, double light)
    {
        int k = ((y * f.Width) + x) * 4;
        Assert.InRange(f.Rgba[k], (int)Math.Round(baseColour.R * light) - ColourTolerance, (int)Math.Round(baseColour.R * light) + ColourTolerance);
        Assert.InRange(f.Rgba[k + 1], (int)Math.Round(baseColour.G * light) - ColourTolerance, (int)Math.Round(baseColour.G * light) + ColourTolerance);
        Assert.InRange(f.Rgba[k + 2], (int)Math.Round(baseColour.B * light) - ColourTolerance, (int)Math.Round(baseColour.B * light) + ColourTolerance);
    }
}

public sealed class MapRangeTests
{
    [Fact]
    public void Range_SequentialIsInterpolated2To98Percentile()
    {
        double[] values = Enumerable.Range(0, 101).Select(i => (double)i).Append(double.NaN).ToArray();
        (double min, double max) = MapRenderer.Range(values, diverging: false);
        Assert.Equal(2.0, min, 1e-12);
        Assert.Equal(98.0, max, 1e-12);
    }

    [Fact]
    public void Range_DivergingIsSymmetric()
    {
        (double min, double max) = MapRenderer.Range([-5.0, 1.0, 2.0, 10.0], diverging: true);
        Assert.Equal(-max, min);
        Assert.True(max > 5 && max <= 10);
    }
}

public sealed class AnnotationTests
{
    /// <summary>The window's legend panel (no GL): white, a dark title at the top, the ramp's ends on the 300-px bar.</summary>
    [Fact]
    public void Panel_HasTitleAndRampBar()
    {
        byte[] p = MapAnnotations.Panel(new MapLegend("deep-district-heat", "heat_need in 2030", "kWh/a", 0, 1e6, ColourRamp.Viridis));
        int W = MapAnnotations.PanelWidth;
        (byte R, byte G, byte B) At(int x, int y) => (p[4 * ((y * W) + x)], p[(4 * ((y * W) + x)) + 1], p[(4 * ((y * W) + x)) + 2]);
        Assert.Equal(((byte)255, (byte)255, (byte)255), At(W - 2, 2));
        Assert.Contains(Enumerable.Range(24, 200), x => At(x, 30).R < 80); // title ink
        (int bx, int by, _, int bh) = MapAnnotations.LegendBar(W, MapAnnotations.PanelHeight);
        Assert.Equal(ColourRamp.Viridis.At(0), At(bx, by + (bh / 2)));
        Assert.Equal(ColourRamp.Viridis.At(1), At(bx + 299, by + (bh / 2)));
    }

    [SkippableFact]
    public void Legend_BarShowsTheRampEnds_TitleAndScaleBarDrawn()
    {
        var fp = new NetTopologySuite.IO.WKTReader().Read("POLYGON ((0 0, 400 0, 400 200, 0 200, 0 0))");
        var options = new MapOptions { Width = 640, Height = 400, Title = "test map", Quantity = "co2", Unit = "kg" };
        RenderedFrame frame = HeadlessGl.OrSkip(() => MapRenderer.Render([fp], [10.0], [1.0], options).Frame);

        (int x, int y, int w, int h) = MapAnnotations.LegendBar(640, 400);
        AssertNear(frame, x + 1, y + (h / 2), ColourRamp.Viridis.At(0));
        AssertNear(frame, x + w - 2, y + (h / 2), ColourRamp.Viridis.At(1));
        Assert.Contains(Enumerable.Range(20, 60).SelectMany(px => Enumerable.Range(15, 25).Select(py => frame.Rgba[((py * 640) + px) * 4])), v => v < 100); // dark title text
    }

    [Theory]
    [InlineData(1000, 1.0, 100)] // 150 m target → 100 m
    [InlineData(1920, 3.0, 500)] // 864 m → 500 m
    [InlineData(1920, 0.5, 100)] // 144 m → 100 m
    public void ScaleBar_RoundLength(int width, double metresPerPixel, double expected) => Assert.Equal(expected, MapAnnotations.ScaleBarMetres(width, metresPerPixel), 1e-9);

    private static void AssertNear(RenderedFrame f, int x, int y, (byte R, byte G, byte B) c)
    {
        int k = ((y * f.Width) + x) * 4;
        Assert.InRange(f.Rgba[k], c.R - 6, c.R + 6);
        Assert.InRange(f.Rgba[k + 1], c.G - 6, c.G + 6);
        Assert.InRange(f.Rgba[k + 2], c.B - 6, c.B + 6);
    }
}
