using System.Globalization;
using System.Runtime.InteropServices;
using SkiaSharp;
using Twin.Core.Schema;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Render;

/// <summary>
/// What the map says about itself: title, legend (ramp, range, unit), and for top-down maps a north arrow and a scale bar.
/// <see cref="Empty"/>: why no building has a value — drawn instead of a ramp, so an empty map never shows a "0 to 1" scale.
/// </summary>
public sealed record MapLegend(string Title, string Quantity, string Unit, double Min, double Max, ColourRamp Ramp, string? Empty = null);

/// <summary>
/// Draws title, legend, north arrow and scale bar over a rendered frame with SkiaSharp (2D text and shapes;
/// GL draws only the city). The legend bar sits in a fixed place — bottom left, <see cref="LegendBar"/> — so
/// tests can check its colours.
/// </summary>
public static class MapAnnotations
{
    /// <summary>Legend colour bar rectangle (x, y, width, height) in pixels for a frame of the given size.</summary>
    public static (int X, int Y, int Width, int Height) LegendBar(int frameWidth, int frameHeight) => (24, frameHeight - 58, Math.Min(300, frameWidth / 3), 16);

    /// <summary>Draws title, legend, north arrow and scale bar over the frame.</summary>
    public static void Draw(RenderedFrame frame, MapLegend legend, double metresPerPixel) =>
        Draw(frame.Rgba, frame.Width, frame.Height, legend, metresPerPixel, LegendBar(frame.Width, frame.Height).Width);

    /// <summary>Size of <see cref="Panel"/> [px]: the title, and below it the 300-px ramp bar with its labels and the no-value swatch.</summary>
    public const int PanelWidth = 500, PanelHeight = 130;

    /// <summary>
    /// A white <see cref="PanelWidth"/> × <see cref="PanelHeight"/> panel with the title and the legend (no north arrow or scale
    /// bar: an orbiting window has neither a fixed north nor one scale), RGBA, top row first: the window's on-screen legend.
    /// </summary>
    public static byte[] Panel(MapLegend legend)
    {
        byte[] rgba = new byte[PanelWidth * PanelHeight * 4];
        Array.Fill(rgba, (byte)255);
        Draw(rgba, PanelWidth, PanelHeight, legend, double.NaN, barWidth: 300);
        return rgba;
    }

    private static void Draw(byte[] rgba, int width, int height, MapLegend legend, double metresPerPixel, int barWidth)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var font = new SKFont(SKTypeface.Default, 15);
            using var titleFont = new SKFont(SKTypeface.FromFamilyName(null, SKFontStyle.Bold), 22);
            using var ink = new SKPaint { Color = new SKColor(30, 30, 30), IsAntialias = true };
            canvas.DrawText(legend.Title, 24, 36, SKTextAlign.Left, titleFont, ink);

            (int x, int y, _, int h) = LegendBar(width, height);
            int w = barWidth;
            using var panel = new SKPaint { Color = new SKColor(255, 255, 255, 215) };
            canvas.DrawRect(x - 10, y - 26, w + 150, h + 58, panel);
            for (int k = 0; k < w; k++)
            {
                (byte r, byte g, byte b) = legend.Ramp.At(k / (double)(w - 1));
                using var stripe = new SKPaint { Color = new SKColor(r, g, b) };
                canvas.DrawRect(x + k, y, 1, h, stripe);
            }

            if (legend.Empty is string empty)
            {
                canvas.DrawText(legend.Quantity, x, y - 8, SKTextAlign.Left, font, ink);
                canvas.DrawText("Nothing to show: " + empty, x, y + h - 3, SKTextAlign.Left, font, ink);
                return;
            }

            (string quantity, string min, string mid, string max) = Labels(legend);
            canvas.DrawText(quantity, x, y - 8, SKTextAlign.Left, font, ink);
            canvas.DrawText(min, x, y + h + 18, SKTextAlign.Left, font, ink);
            canvas.DrawText(mid, x + (w / 2), y + h + 18, SKTextAlign.Center, font, ink);
            canvas.DrawText(max, x + w, y + h + 18, SKTextAlign.Right, font, ink);
            using var noValue = new SKPaint { Color = new SKColor(200, 200, 200) };
            canvas.DrawRect(x + w + 14, y, 16, h, noValue);
            canvas.DrawText("no value", x + w + 36, y + h - 3, SKTextAlign.Left, font, ink);

            if (double.IsFinite(metresPerPixel))
            {
                DrawNorthArrow(canvas, width - 44, 30, ink, font);
                DrawScaleBar(canvas, width, height, metresPerPixel, ink, font);
            }
        }

        Marshal.Copy(bitmap.GetPixels(), rgba, 0, rgba.Length);
    }

    /// <summary>A round scale length (1, 2 or 5 × 10^k m) close to 15 % of the frame width.</summary>
    public static double ScaleBarMetres(int frameWidth, double metresPerPixel)
    {
        double target = frameWidth * 0.15 * metresPerPixel;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        double[] steps = [1, 2, 5, 10];
        return steps.Select(s => s * magnitude).Last(v => v <= target * 1.0001);
    }

    private static void DrawNorthArrow(SKCanvas canvas, float cx, float top, SKPaint ink, SKFont font)
    {
        using var path = new SKPath();
        path.MoveTo(cx, top);
        path.LineTo(cx + 11, top + 34);
        path.LineTo(cx, top + 26);
        path.LineTo(cx - 11, top + 34);
        path.Close();
        canvas.DrawPath(path, ink);
        canvas.DrawText("N", cx, top + 54, SKTextAlign.Center, font, ink);
    }

    private static void DrawScaleBar(SKCanvas canvas, int width, int height, double metresPerPixel, SKPaint ink, SKFont font)
    {
        double metres = ScaleBarMetres(width, metresPerPixel);
        float pixels = (float)(metres / metresPerPixel);
        float x1 = width - 30, x0 = x1 - pixels, y = height - 30;
        using var bar = new SKPaint { Color = ink.Color, StrokeWidth = 3, IsStroke = true };
        canvas.DrawLine(x0, y, x1, y, bar);
        canvas.DrawLine(x0, y - 6, x0, y + 1, bar);
        canvas.DrawLine(x1, y - 6, x1, y + 1, bar);
        string label = metres >= 1000 ? $"{(metres / 1000).ToString("0.#", CultureInfo.InvariantCulture)} km" : $"{metres.ToString("0", CultureInfo.InvariantCulture)} m";
        canvas.DrawText(label, (x0 + x1) / 2, y - 10, SKTextAlign.Center, font, ink);
    }

    /// <summary>
    /// The quantity line and the min/middle/max labels: one display unit for all three, scaled by the largest magnitude
    /// (494,300 kg/a → "494 t/a"), fixed-point numbers (never "4.94E+5"), zero as "0".
    /// </summary>
    public static (string Quantity, string Min, string Mid, string Max) Labels(MapLegend legend)
    {
        DisplayUnit unit = Units.Scale(legend.Unit, Math.Max(Math.Abs(legend.Min), Math.Abs(legend.Max)));
        string quantity = unit.Label is "" or "-" ? legend.Quantity : $"{legend.Quantity} [{unit.Label}]";
        return (quantity, Units.Format(legend.Min, unit), Units.Format((legend.Min + legend.Max) / 2, unit), Units.Format(legend.Max, unit));
    }
}
