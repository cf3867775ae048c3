using System.Globalization;
using Twin.Core.Validation;

namespace Twin.Cli;

/// <summary>How problems reach the user: input problems as a list on stderr; bugs as one line plus a log file with the trace.</summary>
internal static class Errors
{
    /// <summary>Prints every issue: "error: FILE, feature ID: FIELD = VALUE UNIT: MESSAGE" and an indented hint.</summary>
    public static void Print(IReadOnlyList<DataIssue> issues)
    {
        TextWriter e = Console.Error;
        foreach (DataIssue i in issues)
        {
            string where = i.FeatureId is null ? i.File : $"{i.File}, feature {i.FeatureId}";
            string value = i.Value is null ? string.Empty : $" = {i.Value}{(i.Unit is null or "" ? string.Empty : " " + i.Unit)}";
            e.WriteLine($"error: {where}: {i.Field}{value}: {i.Message}");
            if (i.Hint.Length > 0)
            {
                e.WriteLine($"  hint: {i.Hint}");
            }
        }

        if (issues.Count > 1)
        {
            e.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{issues.Count} problems; nothing was run."));
        }
    }

    /// <summary>An unexpected exception: says it is a bug, writes the trace to a log file and names it; returns the log's path.</summary>
    public static string Bug(Exception ex, string[] args)
    {
        string log = Path.Combine(Path.GetTempPath(), $"twin-bug-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
        try
        {
            File.WriteAllText(log, $"twin {Pipeline.EngineInfo.Version}\nargs: {string.Join(' ', args)}\n\n{ex}\n");
        }
        catch (Exception writeFailed) when (writeFailed is IOException or UnauthorizedAccessException)
        {
            log = "(could not write a log: " + writeFailed.Message + ")";
        }

        Console.Error.WriteLine($"error: this is a bug in twin ({ex.GetType().Name}), not a problem with your input. The details are in {log}; please report it with that file.");
        return log;
    }
}
