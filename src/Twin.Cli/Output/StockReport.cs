using System.Globalization;
using Spectre.Console;
using Twin.Core.Loading;
using Twin.Core.Reporting;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Cli.Output;

/// <summary>Prints a loaded stock: the read/accepted/rejected line, buildings per typology and neighbourhood, the validation counts.</summary>
internal static class StockReport
{
    public static void Print(LoadResult result, TypologyCatalog catalog)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Source)}[/]: read {result.Read}, accepted {result.Stock.Count} (repaired {result.Repaired}), rejected {result.Rejects.Count} — {result.Elapsed.TotalSeconds.ToString("0.00", ci)} s, measured in {result.Stock.Crs}");
        if (result.Stock.Count == 0)
        {
            return;
        }

        StockSummary summary = StockSummary.Of(result.Stock, catalog);
        AnsiConsole.Write(GroupTable("Buildings per typology", "typology", summary.ByTypology));
        if (summary.ByNeighbourhood.Count > 0)
        {
            AnsiConsole.Write(GroupTable("Buildings per neighbourhood", "neighbourhood", summary.ByNeighbourhood));
        }

        var validation = new Table().Title("Validation").AddColumns("outcome", "code", "count");
        foreach (var g in result.Issues.GroupBy(i => (i.Outcome, i.Code)).OrderBy(g => g.Key.Outcome).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            validation.AddRow(g.Key.Outcome.ToString(), g.Key.Code, g.Count().ToString(ci));
        }

        foreach ((string attribute, int count) in summary.InferredCounts)
        {
            validation.AddRow(nameof(IssueOutcome.Inferred), attribute, count.ToString(ci));
        }

        AnsiConsole.Write(validation);
    }

    private static Table GroupTable(string title, string key, IReadOnlyList<GroupTotals> rows)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        var t = new Table().Title(title).AddColumns(key, "buildings", "footprint m²", "gross floor m²", "heated floor m²");
        foreach (int c in new[] { 1, 2, 3, 4 })
        {
            t.Columns[c].RightAligned();
        }

        foreach (GroupTotals g in rows)
        {
            t.AddRow(Markup.Escape(g.Group), g.Buildings.ToString(ci), g.FootprintAreaM2.ToString("N0", ci), g.GrossFloorAreaM2.ToString("N0", ci), g.HeatedFloorAreaM2.ToString("N0", ci));
        }

        t.AddRow("[bold]total[/]", rows.Sum(g => g.Buildings).ToString(ci), rows.Sum(g => g.FootprintAreaM2).ToString("N0", ci), rows.Sum(g => g.GrossFloorAreaM2).ToString("N0", ci), rows.Sum(g => g.HeatedFloorAreaM2).ToString("N0", ci));
        return t;
    }
}
