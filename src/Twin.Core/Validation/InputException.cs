namespace Twin.Core.Validation;

/// <summary>
/// The one exception family for user errors: an input (a file, a command-line value, a scenario, a reference table)
/// cannot be used. <see cref="Issues"/> lists every problem found, each with file, feature, field, value, unit and a
/// hint. Front ends print the issues and exit with a user-error status; any other exception escaping the libraries is
/// a bug in twin, never the user's fault, and must not be dressed up as one.
/// </summary>
public class InputException : Exception
{
    /// <summary>An input error with all its problems (at least one).</summary>
    public InputException(IReadOnlyList<DataIssue> issues, Exception? innerException = null)
        : base(Describe(issues), innerException)
    {
        if (issues.Count == 0)
        {
            throw new ArgumentException("An input error needs at least one issue.", nameof(issues));
        }

        Issues = issues;
    }

    /// <summary>An input error with one problem.</summary>
    public InputException(DataIssue issue, Exception? innerException = null)
        : this([issue], innerException)
    {
    }

    /// <summary>Every problem found (never empty).</summary>
    public IReadOnlyList<DataIssue> Issues { get; }

    /// <summary>
    /// A fatal problem of a whole input, e.g. a file that does not exist: <paramref name="file"/> names the file (or
    /// "command line"), <paramref name="field"/> the option, column or member, <paramref name="value"/> what was given.
    /// </summary>
    public static InputException Fatal(string file, string field, string? value, string message, string hint, string code = IssueCodes.InvalidInput, Exception? innerException = null) =>
        new(new DataIssue(file, null, field, value, null, message, hint, IssueOutcome.Fatal, code), innerException);

    /// <summary>A command-line value that cannot be used: the option, the value given and what to give instead.</summary>
    public static InputException Argument(string option, string? value, string message, string hint) =>
        Fatal(CommandLine, option, value, message, hint, IssueCodes.InvalidArgument);

    /// <summary>The <see cref="DataIssue.File"/> of problems with command-line arguments.</summary>
    public const string CommandLine = "command line";

    private static string Describe(IReadOnlyList<DataIssue> issues) =>
        issues.Count == 1 ? issues[0].ToString() : $"{issues.Count} input problems; the first: {issues[0]}";
}
