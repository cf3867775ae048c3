using System.CommandLine;
using Twin.Core.Loading;
using Twin.Cli.Runs;
using Twin.Sim.Engine;

namespace Twin.Cli;

/// <summary>
/// <c>twin sample</c>: the main job on the bundled sample district (Warszawa-Śródmieście, BDOT10k): load and
/// summarise the stock, run the three sample scenarios and print their comparison.
/// </summary>
internal static class SampleCommand
{
    public static readonly IReadOnlyList<string> Scenarios = ["bau", "shallow-heat-pump", "deep-district-heat"];

    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/sample)" };
        var command = new Command("sample", "Run the main job on the bundled sample district (central Warsaw): stock summary, three scenarios, comparison") { output };
        command.SetAction(r => Run(r.GetValue(output) ?? Path.Combine("out", "sample")));
        return command;
    }

    public static int Run(string outDir)
    {
        string[] scenarioFiles = Scenarios.Select(name => Path.Combine(SamplePaths.Root, "scenarios", name + ".json")).ToArray();
        if (RunCommand.ReadScenarios(scenarioFiles) is not { } scenarios)
        {
            return 2;
        }

        // One load serves the stock summary and the three runs.
        SimulationData data = EngineInputs.Load(SamplePaths.Root);
        var options = new StockLoadOptions { Mapping = AttributeMapping.Load(SamplePaths.Mapping) };
        LoadResult load = StockLoader.Load(SamplePaths.Buildings, data.Typologies, options, SamplePaths.Neighbourhoods);
        int code = StockCommand.Report(load, data.Typologies, Path.Combine(outDir, "stock"));
        if (code != 0)
        {
            return code;
        }

        code = RunCommand.RunScenarios(load, data, scenarios, Path.Combine(outDir, "runs"), subfolders: true, climate: null, threads: null, [SamplePaths.Buildings, SamplePaths.Mapping, SamplePaths.Neighbourhoods]);
        if (code != 0)
        {
            return code;
        }

        CompareCommand.Run(Scenarios.Select(name => Path.Combine(outDir, "runs", name)).ToList(), Path.Combine(outDir, "compare-co2.png"), maps: true);
        return 0;
    }
}
