namespace Twin.Core.Validation;

/// <summary>"Did you mean …?": the closest of the valid names to what was typed.</summary>
public static class Suggestions
{
    /// <summary>The valid name closest to <paramref name="typed"/> (case-insensitive edit distance at most about a third of its length, at least 2); null when none is that close.</summary>
    public static string? Closest(string typed, IEnumerable<string> valid) =>
        valid.Distinct(StringComparer.Ordinal)
            .Select(v => (v, d: Distance(v.ToUpperInvariant(), typed.ToUpperInvariant())))
            .Where(x => x.d <= Math.Max(2, typed.Length / 3))
            .OrderBy(x => x.d).ThenBy(x => x.v, StringComparer.Ordinal)
            .Select(x => x.v)
            .FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions needed to turn one string into the other.</summary>
    public static int Distance(string a, string b)
    {
        int[] prev = Enumerable.Range(0, b.Length + 1).ToArray(), cur = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
