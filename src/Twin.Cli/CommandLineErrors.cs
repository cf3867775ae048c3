using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Twin.Core.Validation;

namespace Twin.Cli;

/// <summary>
/// The parser's errors in the user's terms: the option or command concerned, the value given, what it should be and,
/// for a misspelt option or command, the closest existing one — never a .NET type name or the whole command line.
/// </summary>
internal static partial class CommandLineErrors
{
    public static IReadOnlyList<DataIssue> Of(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        string where = command.Parents.Any() ? $"twin {command.Name}" : "twin";
        var issues = new List<DataIssue>();
        bool unrecognized = parsed.Errors.Any(e => Unrecognized().IsMatch(e.Message));
        foreach (ParseError e in parsed.Errors)
        {
            if (Unrecognized().Match(e.Message) is { Success: true } u)
            {
                string token = u.Groups[1].Value;
                IEnumerable<string> names = token.StartsWith('-')
                    ? command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name))
                    : command.Subcommands.Select(c => c.Name);
                string? close = Closest(token, names);
                string kind = token.StartsWith('-') ? "an option" : command.Subcommands.Count > 0 ? "a command" : "an argument";
                issues.Add(Issue(token, $"is not {kind} of {where}", (close is null ? string.Empty : $"Did you mean '{close}'? ") + $"See '{where} --help'."));
            }
            else if (CannotParse().Match(e.Message) is { Success: true } p)
            {
                issues.Add(new DataIssue(InputException.CommandLine, null, p.Groups[2].Value, p.Groups[1].Value, null, $"is not {Friendly(p.Groups[3].Value)}", $"See '{where} --help'.", IssueOutcome.Fatal, IssueCodes.InvalidArgument));
            }
            else if (e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                if (!unrecognized)
                {
                    issues.Add(Issue(null, "needs a command", $"Give one of: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (e.g. 'twin sample'); '{where} --help' describes them."));
                }
            }
            else if (Required().Match(e.Message) is { Success: true } r)
            {
                issues.Add(new DataIssue(InputException.CommandLine, null, r.Groups[1].Value, null, null, "is required", $"See '{where} --help'.", IssueOutcome.Fatal, IssueCodes.InvalidArgument));
            }
            else
            {
                issues.Add(Issue(null, e.Message.TrimEnd('.'), $"See '{where} --help'."));
            }
        }

        return issues;
    }

    /// <summary>
    /// Option-like tokens the parser took as values of a variadic argument ('twin compare a b --chrt x' reads
    /// '--chrt' as a run folder): each is a misspelt option, reported as such.
    /// </summary>
    public static IReadOnlyList<DataIssue> OptionLikeArguments(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        string where = $"twin {command.Name}";
        string[] names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToArray();
        return parsed.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => t.Value.StartsWith("--", StringComparison.Ordinal) && !names.Contains(t.Value))
            .Select(t => Issue(t.Value, $"is not an option of {where}", (Closest(t.Value, names) is string close ? $"Did you mean '{close}'? " : string.Empty) + $"See '{where} --help'."))
            .ToList();
    }

    private static DataIssue Issue(string? value, string message, string hint) =>
        new(InputException.CommandLine, null, "arguments", value, null, message, hint, IssueOutcome.Fatal, IssueCodes.InvalidArgument);

    /// <summary>A .NET type as a user reads it.</summary>
    private static string Friendly(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) => "a number (with a decimal point, e.g. 1800.5)",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a valid value",
    };

    private static string? Closest(string token, IEnumerable<string> names) => Suggestions.Closest(token, names);

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.?$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Option '(.*)' is required\.?$")]
    private static partial Regex Required();
}
