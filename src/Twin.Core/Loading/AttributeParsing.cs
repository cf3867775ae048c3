using System.Globalization;
using System.Text.RegularExpressions;

namespace Twin.Core.Loading;

/// <summary>Lenient parsing of attribute values as they occur in open data ("12 m", "4", 4.0, "1965-03", "~1900").</summary>
internal static partial class AttributeParsing
{
    public static double? Number(object? v) => v switch
    {
        null => null,
        double d when double.IsFinite(d) => d,
        double => null,
        long l => l,
        int i => i,
        bool => null,
        string s => LeadingNumber().Match(s) is { Success: true } m && double.TryParse(m.Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null,
        _ => null,
    };

    public static int? Year(object? v) => v switch
    {
        null => null,
        long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
        int i => i,
        double d when double.IsFinite(d) => (int)Math.Round(d),
        string s => FourDigits().Match(s) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null,
        _ => null,
    };

    public static string? Text(object? v) => v switch
    {
        null => null,
        string s => s.Trim().Length == 0 ? null : s.Trim(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    [GeneratedRegex(@"^\s*-?\d+(?:[.,]\d+)?")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex FourDigits();
}
