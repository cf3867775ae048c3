using System.Text.Json;
using System.Text.RegularExpressions;

namespace Twin.Core.Validation;

/// <summary>
/// System.Text.Json's errors in the user's terms: what the value at the path should be ("a number", "one of worst-first,
/// random", "a list"), never a .NET type name, and without the "Path: … | LineNumber: …" tail the issue states already.
/// </summary>
public static partial class JsonErrors
{
    /// <summary>
    /// The problem, e.g. "expects a number"; <paramref name="enums"/> maps enum type names (as .NET writes them) to the
    /// names a file may use, so the message can list them.
    /// </summary>
    public static string Describe(JsonException ex, IReadOnlyDictionary<string, IReadOnlyList<string>>? enums = null)
    {
        string m = ex.Message;
        int tail = new[] { m.IndexOf(" Path: ", StringComparison.Ordinal), m.IndexOf(" LineNumber: ", StringComparison.Ordinal) }.Where(i => i > 0).DefaultIfEmpty(-1).Min();
        m = (tail > 0 ? m[..tail] : m).TrimEnd('.', ' ');
        if (ConvertedTo().Match(m) is { Success: true } c)
        {
            return "expects " + Expected(c.Groups[1].Value, enums);
        }

        if (MissingRequired().Match(m) is { Success: true } r)
        {
            return $"misses the required member(s) {r.Groups[1].Value.Trim()}";
        }

        if (m.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "there is no JSON at all (the file is empty or blank)";
        }

        // The reader's own terms, e.g. "Expected depth to be zero at the end of the JSON payload, when isFinalBlock is true".
        return m.Replace(", when isFinalBlock is true", string.Empty, StringComparison.Ordinal)
            .Replace("Expected depth to be zero at the end of the JSON payload", "the text ends before every { and [ is closed (cut short?)", StringComparison.Ordinal)
            .Replace("reached end of data", "reached the end of the file (cut short?)", StringComparison.Ordinal);
    }

    /// <summary>"Path (line N)" of the error, for the issue's field.</summary>
    public static string Where(JsonException ex) => $"{ex.Path ?? "$"} (line {(ex.LineNumber ?? 0) + 1})";

    private static string Expected(string type, IReadOnlyDictionary<string, IReadOnlyList<string>>? enums)
    {
        if (enums is not null && enums.FirstOrDefault(e => type.EndsWith(e.Key, StringComparison.Ordinal)) is { Key: not null } known)
        {
            return "one of " + string.Join(", ", known.Value);
        }

        string t = type.Replace("System.Nullable`1[", string.Empty, StringComparison.Ordinal);
        return t switch
        {
            _ when t.Contains("Collections", StringComparison.Ordinal) && t.Contains("Dictionary", StringComparison.Ordinal) => "an object of named values, e.g. { \"2025\": 0.1 }",
            _ when t.Contains("Collections", StringComparison.Ordinal) || t.EndsWith("[]", StringComparison.Ordinal) => "a list, e.g. [ ... ]",
            _ when t.StartsWith("System.Double", StringComparison.Ordinal) || t.StartsWith("System.Single", StringComparison.Ordinal) || t.StartsWith("System.Decimal", StringComparison.Ordinal) => "a number",
            _ when t.StartsWith("System.Int", StringComparison.Ordinal) => "a whole number",
            _ when t.StartsWith("System.String", StringComparison.Ordinal) => "text in quotes",
            _ when t.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
            _ => "an object { ... }",
        };
    }

    [GeneratedRegex(@"could not be converted to (.+)$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties,? including(?: the following)?:(.*)$")]
    private static partial Regex MissingRequired();
}
