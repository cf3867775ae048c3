using System.CommandLine;
using Twin.Core.Loading;
using Twin.Core.Typologies;

namespace Twin.Cli;

/// <summary><c>twin sample</c>: the main job on the bundled sample district (Warszawa-Śródmieście, BDOT10k).</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (default: out/sample)" };
        var command = new Command("sample", "Run the main job on the bundled sample district (central Warsaw)") { output };
        command.SetAction(r =>
        {
            TypologyCatalog catalog = TypologyCatalog.Load(SamplePaths.TypologiesExisting, SamplePaths.TypologiesVariants);
            var options = new StockLoadOptions { Mapping = AttributeMapping.Load(SamplePaths.Mapping) };
            return StockCommand.Run(SamplePaths.Buildings, catalog, options, SamplePaths.Neighbourhoods, r.GetValue(output) ?? Path.Combine("out", "sample"));
        });
        return command;
    }
}
