using System.CommandLine;
using Twin.Core.IO;
using Twin.Core.Validation;

namespace Twin.Cli;

/// <summary><c>twin synth</c>: write a synthetic stock (GeoParquet, GeoPackage or GeoJSON, by the file's extension) for scale tests and benchmarks.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of buildings", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output file: .parquet (GeoParquet), .gpkg (GeoPackage) or .geojson", Required = true };
        var command = new Command("synth", "Write a synthetic building stock (not real data) for scale tests") { count, seed, output };
        command.SetAction(r =>
        {
            string path = r.GetValue(output)!;
            int n = r.GetValue(count);
            if (n is < 1 or > 50_000_000)
            {
                throw InputException.Argument("--count", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "is not a stock size", "Give 1 to 50,000,000 buildings.");
            }

            path = Common.OutputFile(path, "--out", ".parquet", ".geoparquet", ".gpkg", ".geojson", ".json");
            Action<FeatureTable> write = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".parquet" or ".geoparquet" => t => GeoParquetWriter.Write(t, path),
                ".gpkg" => t => GeoPackageWriter.Write(t, path, "buildings", Common.Cancellation),
                ".geojson" or ".json" => t => GeoJsonWriter.Write(t, path),
                string ext => throw InputException.Argument("--out", path, $"has the extension '{ext}', which names no format", "End the file name in .parquet, .gpkg or .geojson."),
            };
            FeatureTable table = SyntheticFeatures.Generate(n, r.GetValue(seed));
            write(table);
            Console.WriteLine($"{table.Count} synthetic buildings → {path}");
            return 0;
        });
        return command;
    }
}
