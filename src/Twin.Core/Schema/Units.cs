using System.Globalization;

namespace Twin.Core.Schema;

/// <summary>A display unit for a set of values: divide by <see cref="Divisor"/> and label with <see cref="Label"/>.</summary>
public readonly record struct DisplayUnit(double Divisor, string Label);

/// <summary>
/// Readable numbers for legends, tables and cards: one unit per set of values, scaled so the largest reads as a few
/// digits (494,300 kg → 494 t; 3.4E+8 EUR → 340 M EUR), fixed-point labels (never 4.94E+5), and per-m² units for
/// intensities.
/// </summary>
public static class Units
{
    // Each family: base unit and the names of its ×1000 steps.
    private static readonly (string Base, string[] Steps)[] Families =
    [
        ("kWh", ["kWh", "MWh", "GWh", "TWh"]),
        ("kg", ["kg", "t", "kt", "Mt"]),
        ("EUR", ["EUR", "k EUR", "M EUR", "bn EUR"]),
    ];

    /// <summary>
    /// The unit to show values of <paramref name="unit"/> in when the largest magnitude is <paramref name="largestMagnitude"/>:
    /// kWh/kg/EUR step by 1000 (kWh → MWh → GWh → TWh, kg → t → kt → Mt, EUR → k EUR → M EUR → bn EUR), keeping any
    /// "/a" or "/(m²·a)" suffix; other units stay as they are.
    /// </summary>
    public static DisplayUnit Scale(string unit, double largestMagnitude)
    {
        foreach ((string b, string[] steps) in Families)
        {
            if (!unit.StartsWith(b, StringComparison.Ordinal) || (unit.Length > b.Length && unit[b.Length] != '/'))
            {
                continue;
            }

            string suffix = unit[b.Length..];
            int k = 0;
            double divisor = 1;
            double m = double.IsFinite(largestMagnitude) ? Math.Abs(largestMagnitude) : 0;
            while (k + 1 < steps.Length && m / divisor >= 1000)
            {
                divisor *= 1000;
                k++;
            }

            return new DisplayUnit(divisor, steps[k] + suffix);
        }

        return new DisplayUnit(1, unit);
    }

    /// <summary>The unit of an extensive quantity divided by the heated floor area: kg/a → kg/(m²·a), EUR → EUR/m².</summary>
    public static string PerSquareMetre(string unit) => unit.EndsWith("/a", StringComparison.Ordinal) ? unit[..^2] + "/(m²·a)" : unit + "/m²";

    /// <summary>
    /// One number in a display unit, fixed-point with about three significant digits: 494,312 → "494,312" is not
    /// wanted on a legend, so ≥ 100 → "#,0", ≥ 10 → "0.#", ≥ 1 → "0.##", below 1 → "0.###"; zero reads "0".
    /// </summary>
    public static string Format(double value, DisplayUnit unit)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        double v = value / unit.Divisor;
        double a = Math.Abs(v);
        string format = a >= 100 ? "#,0" : a >= 10 ? "#,0.#" : a >= 1 ? "0.##" : "0.###";
        string text = v.ToString(format, CultureInfo.InvariantCulture);
        return text is "-0" or "0" || a < 0.0005 ? "0" : text;
    }

    /// <summary>A value with its unit label ("494 t"), or the bare number where the unit is empty or "-".</summary>
    public static string WithUnit(double value, DisplayUnit unit) =>
        unit.Label is "" or "-" ? Format(value, unit) : $"{Format(value, unit)} {unit.Label}";

    /// <summary>A single value in its own best unit: 494,312 kg/a → "494 t/a".</summary>
    public static string Readable(double value, string unit) => WithUnit(value, Scale(unit, value));
}
