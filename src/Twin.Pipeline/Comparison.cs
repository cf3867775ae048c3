using Twin.Core.Validation;
using Twin.Pipeline.IO;

namespace Twin.Pipeline;

/// <summary>Runs compared side by side must be runs of the same stock: the same buildings, in the same order.</summary>
public static class Comparison
{
    /// <summary>Opens run folders and checks they are runs of one stock.</summary>
    /// <exception cref="InputException">A folder is not a complete run, or the runs are of different stocks (each differing folder named).</exception>
    public static IReadOnlyList<RunOutput> OpenSameStock(IReadOnlyList<string> folders)
    {
        var issues = new List<DataIssue>();
        var runs = new List<RunOutput>();
        if (folders.Any(string.IsNullOrWhiteSpace))
        {
            throw InputException.Argument("runs", string.Empty, "an empty run folder name was given", "Give the folders written by 'twin run'.");
        }

        foreach (IGrouping<string, string> twice in folders.GroupBy(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            issues.Add(new DataIssue(twice.Key, null, "(run folder)", null, null, "is given twice", "Compare each run once.", IssueOutcome.Fatal, IssueCodes.InvalidArgument));
        }

        foreach (string f in folders.DistinctBy(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), StringComparer.Ordinal))
        {
            InputChecks.Collect(issues, () => runs.Add(RunDirectory.Open(f)));
        }

        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }

        RequireSameStock(runs);
        return runs;
    }

    /// <summary>
    /// The runs' titles for a table, a chart legend or a layer name, told apart: a title that two runs share (the same
    /// scenario with another climate, say) gets the run folder's name added.
    /// </summary>
    public static IReadOnlyList<string> Titles(IReadOnlyList<RunOutput> runs) =>
        runs.Select(r => runs.Count(o => o.Title == r.Title) > 1 ? $"{r.Title} ({Path.GetFileName(r.Directory)})" : r.Title).ToList();

    /// <summary>The runs' headlines, with <see cref="Titles"/>.</summary>
    public static IReadOnlyList<Headline> Headlines(IReadOnlyList<RunOutput> runs) =>
        runs.Zip(Titles(runs), (r, t) => r.Headline with { Title = t }).ToList();

    /// <summary>Throws unless every run has the first one's stock fingerprint.</summary>
    /// <exception cref="InputException">The runs are of different stocks.</exception>
    public static void RequireSameStock(IReadOnlyList<RunOutput> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        RunOutput first = runs[0];
        var issues = runs.Skip(1).Where(r => r.Manifest.StockFingerprint != first.Manifest.StockFingerprint).Select(r => new DataIssue(
            r.Directory, null, "stock_fingerprint", r.Manifest.StockFingerprint[..Math.Min(12, r.Manifest.StockFingerprint.Length)], null,
            $"is a run of another stock than {first.Directory} ({r.Manifest.BuildingsRead:N0} buildings read vs {first.Manifest.BuildingsRead:N0}; the building ids differ)",
            "Compare runs of the same stock only: run every scenario over the same stock file with the same mapping.", IssueOutcome.Fatal, IssueCodes.DifferentStocks)).ToList();
        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }
    }
}
