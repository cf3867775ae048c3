using System.Globalization;
using Spectre.Console;
using Twin.Pipeline.Advice;

namespace Twin.Cli.Output;

/// <summary>The advice for one building as a ranked table.</summary>
internal static class AdviceTable
{
    public static void Print(AdviceReport report)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine(string.Create(ci, $"[bold]{Markup.Escape(report.BuildingId)}[/]: {Markup.Escape(report.TypologyLabel)}, {report.HeatedFloorAreaM2:N0} m² heated, {report.HeatingBefore}, class {Markup.Escape(report.ClassBefore)}"));
        var t = new Table().AddColumns("#", "package", "investment EUR", "subsidy EUR", "net EUR", "savings EUR/a", "payback a", "NPV EUR", "CO₂ cut t/a", "class");
        foreach (int c in new[] { 2, 3, 4, 5, 6, 7, 8 })
        {
            t.Columns[c].RightAligned();
        }

        int rank = 0;
        foreach (Sim.Engine.Advice a in report.Packages)
        {
            t.AddRow((++rank).ToString(ci), Markup.Escape(a.Package), a.InvestmentEur.ToString("N0", ci), a.SubsidyEur.ToString("N0", ci), a.NetInvestmentEur.ToString("N0", ci), a.AnnualSavingsEur.ToString("N0", ci),
                double.IsFinite(a.SimplePaybackYears) ? a.SimplePaybackYears.ToString("0.0", ci) : "–", a.NpvEur.ToString("N0", ci), (a.Co2CutKg / 1000).ToString("0.0", ci), $"{Markup.Escape(a.ClassBefore)} → {Markup.Escape(a.ClassAfter)}");
        }

        AnsiConsole.Write(t);
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
