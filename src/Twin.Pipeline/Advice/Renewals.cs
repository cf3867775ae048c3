using Twin.Core.Stock;
using Twin.Core.Validation;

namespace Twin.Pipeline.Advice;

/// <summary>
/// What a homeowner says was renewed since the house was built, as typed on the command line: per element a year, yes
/// (year not known) or no; null = not said (as built for a house described by type; the stock's state for a stock building).
/// </summary>
public sealed record Renewals(string? Walls = null, string? Roof = null, string? Floor = null, string? Windows = null)
{
    /// <summary>Nothing said.</summary>
    public static Renewals None { get; } = new();

    /// <summary>True when at least one element is given.</summary>
    public bool Any => Walls is not null || Roof is not null || Floor is not null || Windows is not null;

    /// <summary>The command-line option of each element, in <see cref="EnvelopeElement"/> order.</summary>
    public static IReadOnlyList<string> Options { get; } = ["--walls-insulated", "--roof-insulated", "--floor-insulated", "--windows-replaced"];

    /// <summary>True when element <paramref name="e"/> is given.</summary>
    public bool Given(EnvelopeElement e) => Value(e) is not null;

    private string? Value(EnvelopeElement e) => e switch
    {
        EnvelopeElement.Wall => Walls,
        EnvelopeElement.Roof => Roof,
        EnvelopeElement.Floor => Floor,
        _ => Windows,
    };

    /// <summary>
    /// Per element: 0 (no, or not said), the year, or <see cref="BuildingStock.RenewedYearUnknown"/> (yes); a value that is neither,
    /// or a year before <paramref name="built"/> or after <paramref name="reference"/>, is added to <paramref name="issues"/>.
    /// </summary>
    public int[] Parse(int built, int reference, List<DataIssue> issues)
    {
        var years = new int[Options.Count];
        foreach (EnvelopeElement e in Enum.GetValues<EnvelopeElement>())
        {
            if (Value(e) is not string v)
            {
                continue;
            }

            string option = Options[(int)e];
            if (RenewalValue.Parse(v, built, reference, out string? problem) is int year)
            {
                years[(int)e] = year;
            }
            else
            {
                issues.Add(new DataIssue(InputException.CommandLine, null, option, v.Trim(), "year", problem!, $"Give the year it was done (e.g. {option} 2012), or yes if the year is not known, or no.", IssueOutcome.Fatal, IssueCodes.InvalidArgument));
            }
        }

        return years;
    }
}
