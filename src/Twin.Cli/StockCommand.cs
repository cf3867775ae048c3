using System.CommandLine;
using Spectre.Console;
using Twin.Cli.Output;
using Twin.Pipeline;
using Twin.Pipeline.IO;

namespace Twin.Cli;

/// <summary><c>twin stock</c>: load, validate, measure and type a building file; print a summary; optionally write the stock folder.</summary>
internal static class StockCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("stock") { Description = "Footprints: .geojson, .parquet (GeoParquet), .gpkg or .shp" };
        var stockOptions = new StockOptions("2025");
        var output = new Option<string?>("--out") { Description = "Folder for stock.parquet, stock.gpkg, stock.geojson, rejects.geojson, issues.csv, manifest.json" };
        var format = Common.Formats();
        var threads = Common.Threads();
        var command = new Command("stock", "Load a building stock, validate it, assign typologies and print a summary") { input, output, format, threads };
        stockOptions.AddTo(command);
        command.SetAction(r =>
        {
            StockSource source = stockOptions.Source(r, r.GetValue(input)!);
            RunOptions options = Common.RunOptions(r.GetValue(threads), r.GetValue(format)!);
            TwinData data = Common.LoadData(r);
            return Run(TwinStock.Load(source, data, options), data, r.GetValue(output), options);
        });
        return command;
    }

    /// <summary>Prints the stock's summary and writes its folder when asked.</summary>
    public static int Run(TwinStock stock, TwinData data, string? outDir, RunOptions options)
    {
        StockReport.Print(stock.Result, data.Simulation.Typologies);
        if (outDir is not null)
        {
            string dir = RunDirectory.WriteStock(stock, data, outDir, options);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(dir)}[/]: {string.Join(", ", Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
        }

        return 0;
    }
}
