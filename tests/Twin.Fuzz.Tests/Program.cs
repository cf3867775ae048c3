using System.Diagnostics;
using System.Globalization;

namespace Twin.Fuzz.Tests;

/// <summary>
/// The campaign from the command line (README.md of this folder):
/// <c>dotnet tests/Twin.Fuzz.Tests/bin/Release/net10.0/Twin.Fuzz.Tests.dll [--long | --cases N] [--seed S] [--examples N] [--kinds GeoJson,Shapefile]</c>
/// prints the table by kind, N clear errors of each kind as examples, and every failing case; exit 1 when any case failed.
/// </summary>
internal static class Program
{
    /// <summary>Cases per kind of <c>--long</c>: 8 kinds × 1,500 = 12,000 cases (about 1.5 minutes on 2 cores).</summary>
    public const int LongCases = 1500;

    public static int Main(string[] args)
    {
        int cases = FuzzTests.CiCases, seed = FuzzTests.CiSeed, examples = 0;
        InputKind[] kinds = Enum.GetValues<InputKind>();
        for (int a = 0; a < args.Length; a++)
        {
            string? next = a + 1 < args.Length ? args[a + 1] : null;
            switch (args[a])
            {
                case "--long":
                    cases = LongCases;
                    break;
                case "--cases" when int.TryParse(next, CultureInfo.InvariantCulture, out int n) && n > 0:
                    cases = n;
                    a++;
                    break;
                case "--examples" when int.TryParse(next, CultureInfo.InvariantCulture, out int e) && e >= 0:
                    examples = e;
                    a++;
                    break;
                case "--seed" when int.TryParse(next, CultureInfo.InvariantCulture, out int s):
                    seed = s;
                    a++;
                    break;
                case "--kinds" when next is not null && next.Split(',').All(k => Enum.TryParse<InputKind>(k, out _)):
                    kinds = next.Split(',').Select(Enum.Parse<InputKind>).ToArray();
                    a++;
                    break;
                default:
                    Console.Error.WriteLine($"usage: Twin.Fuzz.Tests [--long | --cases N] [--seed S] [--examples N] [--kinds {string.Join(',', Enum.GetNames<InputKind>())}] (got '{args[a]}')");
                    return 2;
            }
        }

        using Corpus corpus = Corpus.Create();
        var campaign = new Campaign(corpus, seed);
        var all = new List<CaseResult>();
        var clock = Stopwatch.StartNew();
        foreach (InputKind kind in kinds)
        {
            all.AddRange(campaign.Run(kind, cases));
            Console.Error.WriteLine($"{kind}: {cases} cases, {clock.Elapsed.TotalSeconds:0} s");
        }

        Console.WriteLine($"seed {seed}, {cases} cases per kind, {all.Count} in all, {clock.Elapsed.TotalSeconds:0} s");
        Console.WriteLine(Report.Table(all));
        foreach (CaseResult r in all.Where(r => r.Outcome == Outcome.InputError).GroupBy(r => r.Kind).SelectMany(g => g.Take(examples)))
        {
            Console.WriteLine($"{r.Kind} #{r.Index}: {r.What} → {r.Detail}");
        }

        foreach (CaseResult r in all.Where(r => Report.IsFailure(r.Outcome)))
        {
            Console.WriteLine($"{r.Kind} #{r.Index} {r.Outcome}: {r.What} → {r.Detail}");
        }

        return all.Any(r => Report.IsFailure(r.Outcome)) ? 1 : 0;
    }
}

/// <summary>The campaign's table: cases by kind and outcome.</summary>
internal static class Report
{
    public static bool IsFailure(Outcome o) => o is not (Outcome.Accepted or Outcome.InputError);

    public static string Table(IReadOnlyList<CaseResult> results)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| input kind | tried | accepted | clear error | crash | hang | over memory | silent wrong | raw message | invalid accepted |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (IGrouping<InputKind, CaseResult> g in results.GroupBy(r => r.Kind))
        {
            Row(sb, g.Key.ToString(), g.ToList());
        }

        Row(sb, "**all**", results);
        return sb.ToString();
    }

    private static void Row(System.Text.StringBuilder sb, string name, IReadOnlyList<CaseResult> g)
    {
        int C(Outcome o) => g.Count(r => r.Outcome == o);
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {g.Count:N0} | {C(Outcome.Accepted):N0} | {C(Outcome.InputError):N0} | {C(Outcome.Crash)} | {C(Outcome.Hang)} | {C(Outcome.OverMemory)} | {C(Outcome.SilentWrong)} | {C(Outcome.RawMessage)} | {C(Outcome.InvalidAccepted)} |");
    }
}
