using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Twin.Cli.Runs;
using Twin.Core.IO;

namespace Twin.Cli;

/// <summary><c>twin compare</c>: scenarios side by side (from their run folders) and a CO₂ trajectory chart.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "Run folders written by 'twin run'", Arity = ArgumentArity.OneOrMore };
        var chart = new Option<string?>("--chart") { Description = "PNG of the CO₂ trajectories (default: compare-co2.png in the first run's parent folder)" };
        var maps = new Option<bool>("--maps") { Description = "Also render a map of each run's end-year CO₂ (map-co2.png in each run folder; needs EGL)" };
        var command = new Command("compare", "Compare scenario runs: investment, subsidy, CO₂ cut by 2030/2040/2050, EUR per tonne, renovations") { runs, chart, maps };
        command.SetAction(r =>
        {
            string[] dirs = r.GetValue(runs)!;
            string png = r.GetValue(chart) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dirs[0]))!, "compare-co2.png");
            Run(dirs, png, r.GetValue(maps));
            return 0;
        });
        return command;
    }

    /// <summary>One scenario's headline numbers.</summary>
    internal sealed record Summary(string Scenario, int[] Years, double[] Co2Kg, double[] BaselineKg, double InvestmentEur, double SubsidyEur, int Renovated, int Simulated, double EurPerTonne);

    public static IReadOnlyList<Summary> Run(IReadOnlyList<string> dirs, string chartPath, bool maps = false)
    {
        var summaries = dirs.Select(Load).ToList();
        CultureInfo ci = CultureInfo.InvariantCulture;
        var t = new Table().Title("Scenario comparison").AddColumns("scenario", "renovated", "investment M EUR", "subsidy M EUR");
        int[] milestones = [2030, 2040, 2050];
        foreach (int m in milestones)
        {
            t.AddColumn($"CO₂ cut by {m}");
        }

        t.AddColumn("EUR/t CO₂ avoided");
        foreach (Summary s in summaries)
        {
            var cells = new List<string> { s.Scenario, $"{s.Renovated}/{s.Simulated}", (s.InvestmentEur / 1e6).ToString("0.0", ci), (s.SubsidyEur / 1e6).ToString("0.0", ci) };
            foreach (int m in milestones)
            {
                int k = Array.IndexOf(s.Years, m);
                cells.Add(k < 0 ? "–" : string.Create(ci, $"{(s.Co2Kg[0] - s.Co2Kg[k]) / 1e6:0.0} kt ({(1 - (s.Co2Kg[k] / s.Co2Kg[0])) * 100:0}%)"));
            }

            cells.Add(double.IsFinite(s.EurPerTonne) ? s.EurPerTonne.ToString("0", ci) : "–");
            t.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(t);
        AnsiConsole.MarkupLine("CO₂ cut: reduction of the stock's annual emissions against the start year (renovation and changing emission factors). EUR/t: discounted investment minus discounted energy-cost savings, per tonne avoided against the same stock without renovation, over the horizon.");
        Chart(summaries, chartPath);
        AnsiConsole.MarkupLine($"Chart: [bold]{Markup.Escape(chartPath)}[/]");
        if (maps)
        {
            Maps(dirs, summaries);
        }

        return summaries;
    }

    /// <summary>
    /// One map per run of its end-year CO₂, same camera and the same colour range for all runs (the 2nd–98th percentile
    /// of all their values together) so the maps can be compared side by side; without EGL the table and chart still stand.
    /// </summary>
    private static void Maps(IReadOnlyList<string> dirs, List<Summary> summaries)
    {
        try
        {
            string Column(int k) => $"co2_{summaries[k].Years[^1]}_kg";
            double[] all = dirs.SelectMany((d, k) => RenderCommand.ColumnValues(d, Column(k))).ToArray();
            (double, double) range = Twin.Viewer.Render.MapRenderer.Range(all, diverging: false);
            for (int k = 0; k < dirs.Count; k++)
            {
                RenderCommand.Render(dirs[k], Column(k), diff: null, inYear: null, Path.Combine(dirs[k], "map-co2.png"), 1200, 800, Twin.Viewer.Scene.CameraKind.TopDown, range: range);
            }
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("EGL", StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLine($"[yellow]maps skipped[/]: {Markup.Escape(ex.Message)}");
        }
    }

    private static Summary Load(string dir)
    {
        RunManifest manifest = RunManifest.Read(Path.Combine(dir, "manifest.json"));
        CsvTable y = CsvTable.Read(Path.Combine(dir, "years.csv"));
        double[] Col(string c) => y.Rows.Select(r => y.GetDouble(r, c, double.NaN)).ToArray();
        int[] years = Col("year").Select(v => (int)v).ToArray();
        double[] co2 = Col("co2_kg"), baseline = Col("co2_no_renovation_kg"), investment = Col("investment_eur"), cost = Col("energy_cost_eur"), baseCost = Col("energy_cost_no_renovation_eur");
        double discounted = 0, avoidedT = 0;
        for (int k = 0; k < years.Length; k++)
        {
            double df = Math.Pow(1 + manifest.DiscountRate, -(years[k] - years[0]));
            discounted += (investment[k] - (baseCost[k] - cost[k])) * df;
            avoidedT += (baseline[k] - co2[k]) / 1000.0;
        }

        return new Summary(manifest.Scenario, years, co2, baseline, investment.Sum(), Col("subsidy_eur").Sum(), manifest.BuildingsRenovated, manifest.BuildingsSimulated, avoidedT > 0 ? discounted / avoidedT : double.NaN);
    }

    private static void Chart(List<Summary> summaries, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (Summary s in summaries)
        {
            var line = plot.Add.Scatter(s.Years.Select(v => (double)v).ToArray(), s.Co2Kg.Select(v => v / 1e6).ToArray());
            line.LegendText = s.Scenario;
            line.LineWidth = 2;
        }

        Summary first = summaries[0];
        var counterfactual = plot.Add.Scatter(first.Years.Select(v => (double)v).ToArray(), first.BaselineKg.Select(v => v / 1e6).ToArray());
        counterfactual.LegendText = $"no renovation ({first.Scenario} factors)";
        counterfactual.LinePattern = ScottPlot.LinePattern.Dashed;
        counterfactual.Color = ScottPlot.Colors.Gray;
        plot.Title("CO₂ emissions of the stock per year");
        plot.Axes.Left.Label.Text = "kt CO₂ per year";
        plot.Axes.Bottom.Label.Text = "year";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture) };
        plot.Axes.SetLimitsY(0, summaries.Max(s => s.BaselineKg.Max()) / 1e6 * 1.08);
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.SavePng(path, 1000, 600);
    }
}
