namespace Twin.Core.Validation;

/// <summary>An append-only, thread-safe collector of <see cref="DataIssue"/>s for one input file.</summary>
public sealed class IssueList
{
    private readonly List<DataIssue> _issues = [];
    private readonly Lock _gate = new();

    /// <summary>A list for the issues of <paramref name="file"/>.</summary>
    public IssueList(string file) => File = file;

    /// <summary>The file every issue of the list is about.</summary>
    public string File { get; }

    /// <summary>Adds one issue.</summary>
    public void Add(string? featureId, string field, string? value, string? unit, string message, string hint, IssueOutcome outcome, string code)
    {
        var issue = new DataIssue(File, featureId, field, value, unit, message, hint, outcome, code);
        lock (_gate)
        {
            _issues.Add(issue);
        }
    }

    /// <summary>Adds issues found elsewhere (e.g. by a reader).</summary>
    public void AddRange(IEnumerable<DataIssue> issues)
    {
        lock (_gate)
        {
            _issues.AddRange(issues);
        }
    }

    /// <summary>The issues in a deterministic order (by feature id, then code), whatever thread added them.</summary>
    public IReadOnlyList<DataIssue> ToSortedList()
    {
        lock (_gate)
        {
            return _issues
                .OrderBy(i => i.FeatureId ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(i => i.Code, StringComparer.Ordinal)
                .ThenBy(i => i.Field, StringComparer.Ordinal)
                .ToList();
        }
    }
}
