namespace Twin.Viewer.Scene;

/// <summary>
/// Colour-blind-safe colour ramps as control points in sRGB, interpolated linearly. Sequential: viridis
/// (van der Walt &amp; Smith, matplotlib, CC0; 9 samples). Diverging: ColorBrewer "RdBu" reversed (Brewer,
/// colorbrewer2.org, Apache-2.0; blue = negative, red = positive), for differences between scenarios.
/// </summary>
public sealed record ColourRamp(string Name, byte[][] Stops)
{
    /// <summary>Viridis (perceptually uniform, colour-blind safe): sequential quantities.</summary>
    public static ColourRamp Viridis { get; } = new("viridis",
    [
        [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141], [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
    ]);

    /// <summary>Blue–white–red (ColorBrewer RdBu, reversed): differences, blue = less.</summary>
    public static ColourRamp BlueRed { get; } = new("RdBu (reversed)",
    [
        [33, 102, 172], [67, 147, 195], [146, 197, 222], [209, 229, 240], [247, 247, 247], [253, 219, 199], [244, 165, 130], [214, 96, 77], [178, 24, 43],
    ]);

    /// <summary>Colour at t ∈ [0, 1] (clamped; NaN → light grey for "no value").</summary>
    public (byte R, byte G, byte B) At(double t)
    {
        if (double.IsNaN(t))
        {
            return (200, 200, 200);
        }

        double x = Math.Clamp(t, 0, 1) * (Stops.Length - 1);
        int i = Math.Min((int)x, Stops.Length - 2);
        double f = x - i;
        byte Mix(int c) => (byte)Math.Round(Stops[i][c] + ((Stops[i + 1][c] - Stops[i][c]) * f));
        return (Mix(0), Mix(1), Mix(2));
    }

    /// <summary>A 256-entry RGB table for the GPU.</summary>
    public byte[] Table()
    {
        byte[] table = new byte[256 * 3];
        for (int k = 0; k < 256; k++)
        {
            (table[3 * k], table[(3 * k) + 1], table[(3 * k) + 2]) = At(k / 255.0);
        }

        return table;
    }
}
