using System.CommandLine;
using Twin.Core.Loading;
using Twin.Core.Typologies;

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
        TypologyCatalog catalog = TypologyCatalog.Load(SamplePaths.TypologiesExisting, SamplePaths.TypologiesVariants);
        var options = new StockLoadOptions { Mapping = AttributeMapping.Load(SamplePaths.Mapping) };
        int code = StockCommand.Run(SamplePaths.Buildings, catalog, options, SamplePaths.Neighbourhoods, Path.Combine(outDir, "stock"));
        if (code != 0)
        {
            return code;
        }

        string[] scenarios = Scenarios.Select(name => Path.Combine(SamplePaths.Root, "scenarios", name + ".json")).ToArray();
        code = RunCommand.Execute(SamplePaths.Buildings, options, SamplePaths.Neighbourhoods, scenarios, Path.Combine(outDir, "runs"), subfolders: true, climate: null, threads: null, [SamplePaths.Buildings, SamplePaths.Mapping, SamplePaths.Neighbourhoods]);
        if (code != 0)
        {
            return code;
        }

        CompareCommand.Run(Scenarios.Select(name => Path.Combine(outDir, "runs", name)).ToList(), Path.Combine(outDir, "compare-co2.png"));
        return 0;
    }
}
