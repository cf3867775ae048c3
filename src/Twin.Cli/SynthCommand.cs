using System.CommandLine;
using Twin.Core.IO;

namespace Twin.Cli;

/// <summary><c>twin synth</c>: write a synthetic stock (GeoParquet or GeoJSON) for scale tests and benchmarks.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of buildings", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output file (.parquet or .geojson)", Required = true };
        var command = new Command("synth", "Write a synthetic building stock (not real data) for scale tests") { count, seed, output };
        command.SetAction(r =>
        {
            FeatureTable t = SyntheticFeatures.Generate(r.GetValue(count), r.GetValue(seed));
            string path = r.GetValue(output)!;
            if (path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase))
            {
                GeoJsonWriter.Write(t, path);
            }
            else
            {
                GeoParquetWriter.Write(t, path);
            }

            Console.WriteLine($"{t.Count} synthetic buildings → {path}");
            return 0;
        });
        return command;
    }
}
