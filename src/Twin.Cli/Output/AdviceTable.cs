using System.Globalization;
using Spectre.Console;
using Twin.Pipeline.Advice;
using Twin.Pipeline.IO;

namespace Twin.Cli.Output;

/// <summary>The advice for one building as a ranked table.</summary>
internal static class AdviceTable
{
    public static void Print(AdviceReport report, DisplayCurrency money)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        string cur = money.Code;
        AnsiConsole.MarkupLine(string.Create(ci, $"[bold]{Markup.Escape(report.BuildingId)}[/]: {Markup.Escape(report.TypologyLabel)}, {report.HeatedFloorAreaM2:N0} m² heated, {report.HeatingBefore}, class {Markup.Escape(report.ClassBefore)}"));
        var t = new Table().AddColumns("#", "package", $"investment {cur}", $"subsidy {cur}", $"net {cur}", $"anyway {cur}", $"savings {cur}/a", "payback a", $"NPV {cur}", "CO₂ cut t/a", "EP kWh/m²a", "class");
        foreach (int c in new[] { 2, 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            t.Columns[c].RightAligned();
        }

        int rank = 0;
        foreach (Sim.Engine.Advice a in report.Packages)
        {
            t.AddRow((++rank).ToString(ci), Markup.Escape(a.Package), money.Format(a.InvestmentEur), money.Format(a.SubsidyEur), money.Format(a.NetInvestmentEur), money.Format(a.AnywayEur), money.Format(a.AnnualSavingsEur),
                double.IsFinite(a.SimplePaybackYears) ? a.SimplePaybackYears.ToString("0.0", ci) : "–", money.Format(a.NpvEur), (a.Co2CutKg / 1000).ToString("0.0", ci),
                string.Create(ci, $"{a.PrimaryBeforeKWhPerM2:0} → {a.PrimaryAfterKWhPerM2:0}"), $"{Markup.Escape(a.ClassBefore)} → {Markup.Escape(a.ClassAfter)}");
        }

        AnsiConsole.Write(t);
        AnsiConsole.MarkupLine(string.Create(ci, $"[grey]Money in {cur} (1 EUR = {money.PerEur:0.00} {cur}, {Markup.Escape(money.Source)}).[/]"));
        if (report.Packages.Count > 0)
        {
            foreach (Sim.Economics.SubsidyLine l in report.Packages[0].Subsidies)
            {
                AnsiConsole.MarkupLine($"[grey]subsidy of package 1, {Markup.Escape(l.Programme)}{(l.Illustrative ? " (illustrative)" : string.Empty)}: {money.Format(l.AmountEur)} {cur} — {Markup.Escape(l.Reason)}[/]");
            }
        }

        foreach (string note in report.Notes)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }

        foreach (Sim.Engine.NotOffered n in report.NotOffered)
        {
            AnsiConsole.MarkupLine($"[grey]not offered: {Markup.Escape(n.Package)} — {Markup.Escape(n.Reason)}[/]");
        }

        if (report.City is null)
        {
            AnsiConsole.MarkupLine("[grey]No --city given: regional heating bans (e.g. Kraków's solid-fuel ban) were not checked.[/]");
        }
    }
}
