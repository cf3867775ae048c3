using System.Globalization;
using Spectre.Console;
using Twin.Core.Schema;
using Twin.Pipeline;

namespace Twin.Cli.Output;

/// <summary>Scenarios side by side: the headline table and the CO₂ trajectory chart (titles and units from the column registry).</summary>
internal static class ComparisonReport
{
    public static void Print(IReadOnlyList<Headline> headlines)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        var t = new Table().Title("Scenario comparison").AddColumns("scenario", "renovated", "investment M EUR", "subsidy M EUR");
        foreach (int m in Headline.Milestones)
        {
            t.AddColumn($"CO₂ cut by {m}");
        }

        t.AddColumn("EUR/t CO₂ avoided");
        foreach (Headline h in headlines)
        {
            var cells = new List<string> { h.Title, $"{h.Renovated}/{h.Simulated}", (h.InvestmentEur / 1e6).ToString("0.0", ci), (h.SubsidyEur / 1e6).ToString("0.0", ci) };
            cells.AddRange(Headline.Milestones.Select(m => double.IsFinite(h.Co2CutKg(m)) ? string.Create(ci, $"{h.Co2CutKg(m) / 1e6:0.0} kt ({h.Co2CutShare(m) * 100:0}%)") : "–"));
            cells.Add(double.IsFinite(h.EurPerTonneAvoided) ? h.EurPerTonneAvoided.ToString("0", ci) : "–");
            t.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(t);
        AnsiConsole.MarkupLine(Markup.Escape($"CO₂ cut: reduction of the stock's annual emissions against the start year (renovation and changing emission factors). EUR/t: {Headline.AbatementMethod}, over the horizon."));
    }

    /// <summary>CO₂ per year of every scenario and the no-renovation counterfactual of the first, in one readable unit.</summary>
    public static void Chart(IReadOnlyList<Headline> headlines, string path)
    {
        ResolvedColumn co2 = ColumnRegistry.Find(OutputTable.Years, "co2_kg")!;
        DisplayUnit unit = Units.Scale(co2.Unit, headlines.Max(h => h.Co2NoRenovationKg.Concat(h.Co2Kg).Max()));
        var plot = new ScottPlot.Plot();
        foreach (Headline h in headlines)
        {
            var line = plot.Add.Scatter(h.Years.Select(v => (double)v).ToArray(), h.Co2Kg.Select(v => v / unit.Divisor).ToArray());
            line.LegendText = h.Title;
            line.LineWidth = 2;
        }

        Headline first = headlines[0];
        var counterfactual = plot.Add.Scatter(first.Years.Select(v => (double)v).ToArray(), first.Co2NoRenovationKg.Select(v => v / unit.Divisor).ToArray());
        counterfactual.LegendText = $"{ColumnRegistry.Find(OutputTable.Years, "co2_no_renovation_kg")!.Title} ({first.Title} factors)";
        counterfactual.LinePattern = ScottPlot.LinePattern.Dashed;
        counterfactual.Color = ScottPlot.Colors.Gray;
        plot.Title($"{co2.Title} of the stock per year");
        plot.Axes.Left.Label.Text = $"{co2.Title} [{unit.Label}]";
        plot.Axes.Bottom.Label.Text = "year";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture) };
        plot.Axes.SetLimitsY(0, headlines.Max(h => h.Co2NoRenovationKg.Max()) / unit.Divisor * 1.08);
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        string tmp = path + ".tmp-" + Environment.ProcessId + ".png";
        plot.SavePng(tmp, 1000, 600);
        File.Move(tmp, path, overwrite: true);
    }
}
