using System.CommandLine;
using Twin.Pipeline;

namespace Twin.Cli;

/// <summary>
/// <c>twin sample</c>: the main job on the bundled sample district (Warszawa-Śródmieście, BDOT10k): load and
/// summarise the stock, run the three sample scenarios and print their comparison.
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/sample)" };
        var threads = Common.Threads();
        var command = new Command("sample", "Run the main job on the bundled sample district (central Warsaw): stock summary, three scenarios, comparison") { output, threads };
        command.SetAction(r => Run(r.GetValue(Common.Data), r.GetValue(output) ?? Path.Combine("out", "sample"), Common.RunOptions(r.GetValue(threads), "both")));
        return command;
    }

    public static int Run(string? dataFolder, string outDir, RunOptions options)
    {
        TwinData data = TwinData.Load(dataFolder).WithCity(SampleDistrict.City);
        (TwinStock stock, IReadOnlyList<ScenarioFile> scenarios) = ScenarioRun.Prepare(data, data.Sample.Stock, data.Sample.ScenarioPaths, options);
        StockCommand.Run(stock, data, Path.Combine(outDir, "stock"), options);
        string runs = Path.Combine(outDir, "runs");
        RunCommand.RunAll(stock, data, scenarios, runs, subfolders: true, options);
        CompareCommand.Run(scenarios.Select(s => Path.Combine(runs, s.Scenario.Name)).ToList(), Path.Combine(outDir, "compare-co2.png"), maps: true);
        return 0;
    }
}
