using System.CommandLine;
using Spectre.Console;
using Twin.Cli.Output;
using Twin.Pipeline;

namespace Twin.Cli;

/// <summary><c>twin compare</c>: runs of one stock side by side (from their folders), a CO₂ trajectory chart, optionally a map per run.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "Run folders written by 'twin run' (of the same stock)", Arity = ArgumentArity.OneOrMore };
        var chart = new Option<string?>("--chart") { Description = "PNG of the CO₂ trajectories (default: compare-co2.png in the current folder)" };
        var maps = new Option<bool>("--maps") { Description = "Also render a map of each run's end-year CO₂ per m² (compare-map-<scenario>.png beside the chart; needs EGL)" };
        var command = new Command("compare", "Compare scenario runs: investment, subsidy, CO₂ cut by 2030/2040/2050, EUR per tonne, renovations") { runs, chart, maps };
        command.SetAction(r =>
        {
            string[] dirs = r.GetValue(runs)!;
            string png = Common.OutputFile(r.GetValue(chart) ?? "compare-co2.png", "--chart", ".png");
            Run(dirs, png, r.GetValue(maps));
            return 0;
        });
        return command;
    }

    public static IReadOnlyList<Headline> Run(IReadOnlyList<string> dirs, string chartPath, bool maps = false)
    {
        IReadOnlyList<RunOutput> runs = Comparison.OpenSameStock(dirs);
        IReadOnlyList<Headline> headlines = Comparison.Headlines(runs);
        ComparisonReport.Print(headlines);
        ComparisonReport.Chart(headlines, chartPath);
        AnsiConsole.MarkupLine($"Chart: [bold]{Markup.Escape(chartPath)}[/]");
        if (maps)
        {
            RenderCommand.SharedRangeMaps(runs, Path.GetDirectoryName(Path.GetFullPath(chartPath))!);
        }

        return headlines;
    }
}
