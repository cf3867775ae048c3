using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Twin.Cli.Runs;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Cli;

/// <summary><c>twin run</c>: one scenario over a stock → per-building GeoParquet, per-year and per-neighbourhood tables, manifest.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var stock = new Option<string>("--stock") { Description = "Footprint file (GeoJSON, GeoParquet, GeoPackage, Shapefile)", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Attribute mapping JSON (default: OSM names)" };
        var hoods = new Option<string?>("--neighbourhoods") { Description = "Neighbourhood polygons" };
        var scenario = new Option<string[]>("--scenario") { Description = "Scenario JSON; repeat for several scenarios over one load (outputs go to <out>/<scenario name>)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Output folder", Required = true };
        var climate = new Option<string?>("--climate") { Description = "Climate table (12 monthly rows or 1 seasonal row; default: TABULA PL national season)" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it" };
        var command = new Command("run", "Run a renovation scenario over a building stock") { stock, mapping, hoods, scenario, output, climate, threads };
        command.SetAction(r =>
        {
            var options = new StockLoadOptions { Mapping = r.GetValue(mapping) is string m ? AttributeMapping.Load(m) : AttributeMapping.Osm };
            string[] scenarios = r.GetValue(scenario)!;
            var files = new List<string> { r.GetValue(stock)! };
            files.AddRange(new[] { r.GetValue(mapping), r.GetValue(hoods) }.OfType<string>());
            return Execute(r.GetValue(stock)!, options, r.GetValue(hoods), scenarios, r.GetValue(output)!, scenarios.Length > 1, r.GetValue(climate), r.GetValue(threads), files);
        });
        return command;
    }

    /// <summary>Validates every scenario first (all problems at once), loads the stock once, then runs each scenario.</summary>
    public static int Execute(string stockPath, StockLoadOptions loadOptions, string? neighbourhoods, IReadOnlyList<string> scenarioPaths, string outDir, bool subfolders, string? climate, int? threads, IReadOnlyList<string> inputFiles)
    {
        if (ReadScenarios(scenarioPaths) is not { } scenarios)
        {
            return 2;
        }

        var loadClock = Stopwatch.StartNew();
        SimulationData data = EngineInputs.Load(SamplePaths.Root, climate);
        LoadResult load = StockLoader.Load(stockPath, data.Typologies, loadOptions, neighbourhoods);
        if (load.IsFatal)
        {
            StockCommand.Print(load, data.Typologies);
            return 2;
        }

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"stock: {load.Read:N0} read, {load.Stock.Count:N0} accepted, {load.Rejects.Count:N0} rejected — {loadClock.Elapsed.TotalSeconds:0.0} s"));
        return RunScenarios(load, data, scenarios, outDir, subfolders, climate, threads, inputFiles);
    }

    /// <summary>Parses and validates every scenario, printing all problems of all files; null when any has problems.</summary>
    public static List<(string Path, Scenario Scenario)>? ReadScenarios(IReadOnlyList<string> paths)
    {
        var scenarios = new List<(string Path, Scenario Scenario)>();
        bool ok = true;
        foreach (string path in paths)
        {
            Scenario scenario = ScenarioJson.Parse(File.ReadAllText(path), path);
            IReadOnlyList<ScenarioProblem> problems = ScenarioValidator.Validate(scenario);
            if (problems.Count > 0)
            {
                ok = false;
                AnsiConsole.MarkupLine($"[red]error[/]: {Markup.Escape(path)} has {problems.Count} problem(s):");
                foreach (ScenarioProblem p in problems)
                {
                    AnsiConsole.WriteLine($"  {p}");
                }
            }

            scenarios.Add((path, scenario));
        }

        return ok ? scenarios : null;
    }

    /// <summary>Runs already validated scenarios over an already loaded stock and writes each one's outputs.</summary>
    public static int RunScenarios(LoadResult load, SimulationData data, IReadOnlyList<(string Path, Scenario Scenario)> scenarios, string outDir, bool subfolders, string? climate, int? threads, IReadOnlyList<string> inputFiles)
    {
        EncodedGeometries footprints = ResultExport.EncodeFootprints(load.Stock);
        foreach ((string path, Scenario scenario) in scenarios)
        {
            string dir = subfolders ? Path.Combine(outDir, scenario.Name) : outDir;
            int code = RunOne(data, load, footprints, path, scenario, dir, climate, threads, inputFiles);
            if (code != 0)
            {
                return code;
            }
        }

        return 0;
    }

    private static int RunOne(SimulationData data, LoadResult load, EncodedGeometries footprints, string scenarioPath, Scenario scenario, string outDir, string? climate, int? threads, IReadOnlyList<string> inputFiles)
    {
        DateTime started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += cancel;
        SimulationResult result;
        try
        {
            var simOptions = new SimulationOptions { MaxDegreeOfParallelism = threads, Cancellation = cts.Token };
            result = AnsiConsole.Profile.Capabilities.Interactive
                ? AnsiConsole.Progress().Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask($"{scenario.Name}: {load.Stock.Count:N0} buildings × {scenario.Horizon.Years} years", maxValue: 1.0);
                    return Simulator.Run(load.Stock, data, scenario, simOptions with { Progress = new Progress<double>(v => task.Value = v) });
                })
                : Simulator.Run(load.Stock, data, scenario, simOptions);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]cancelled[/]: nothing was written.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }

        Directory.CreateDirectory(outDir);
        GeoParquetWriter.Write(ResultExport.Buildings(load.Stock, data, result), Path.Combine(outDir, "buildings.parquet"), encoded: footprints);
        IReadOnlyList<AttributeColumn> yearly = ResultExport.Years(result);
        ParquetTableWriter.Write(yearly, Path.Combine(outDir, "years.parquet"));
        ParquetTableWriter.WriteCsv(yearly, Path.Combine(outDir, "years.csv"));
        IReadOnlyList<AttributeColumn> hoodTable = ResultExport.Neighbourhoods(load.Stock, result);
        ParquetTableWriter.Write(hoodTable, Path.Combine(outDir, "neighbourhoods.parquet"));
        ParquetTableWriter.WriteCsv(hoodTable, Path.Combine(outDir, "neighbourhoods.csv"));
        GeoJsonWriter.Write(StockExport.RejectsToTable(load, load.SourceCrs), Path.Combine(outDir, "rejects.geojson"));
        StockExport.WriteIssuesCsv(load.Issues, Path.Combine(outDir, "issues.csv"));
        var hashed = inputFiles.Append(scenarioPath).Concat(EngineInputs.Files(SamplePaths.Root, climate));
        new RunManifest(scenario.Name, scenario.Seed, scenario.DiscountRate, RunManifest.EngineVersionString, started, clock.Elapsed.TotalSeconds, data.Climate.Name, load.Read, load.Rejects.Count, result.Simulated.Count(x => x), result.RenovatedTotal, RunManifest.Hash(hashed))
            .Write(Path.Combine(outDir, "manifest.json"));
        PrintSummary(scenario, load, result, outDir, clock.Elapsed);
        return 0;
    }

    private static void PrintSummary(Scenario scenario, LoadResult load, SimulationResult r, string outDir, TimeSpan elapsed)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        int last = r.Years.Length - 1;
        AnsiConsole.MarkupLine(string.Create(ci, $"[bold]{Markup.Escape(scenario.Name)}[/]: {load.Read} read, {load.Rejects.Count} rejected, {r.Simulated.Count(x => x)} simulated, {r.RenovatedTotal} renovated by {r.Years[last]}; investment {r.InvestmentEurByYear.Sum() / 1e6:0.0} M EUR, subsidy {r.SubsidyEurByYear.Sum() / 1e6:0.0} M EUR; CO₂ {r.Co2Kg[0] / 1e6:0.0} kt ({r.Years[0]}) → {r.Co2Kg[last] / 1e6:0.0} kt ({r.Years[last]}) — {elapsed.TotalSeconds:0.0} s → {Markup.Escape(outDir)}"));
    }
}
