using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Twin.Core.Validation;
using Twin.Pipeline;
using Twin.Pipeline.Calibration;
using Twin.Pipeline.IO;

namespace Twin.Cli;

/// <summary><c>twin run</c>: scenarios over a stock → per scenario a run folder (per-building, per-year, per-neighbourhood tables, manifest).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var stock = new Option<string>("--stock") { Description = "Footprint file (GeoJSON, GeoParquet, GeoPackage, Shapefile; twin's own stock.parquet too)", Required = true };
        var scenario = new Option<string[]>("--scenario") { Description = "Scenario JSON; several run over one load, each into <out>/<scenario name>", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Run folder (one scenario) or the folder of the run folders (several)", Required = true };
        var climate = new Option<string?>("--climate") { Description = "Climate table (12 monthly rows or 1 seasonal row; default: TABULA PL national season)" };
        var stockOptions = new StockOptions("the scenarios' start year");
        var threads = Common.Threads();
        var format = Common.Formats();
        var metered = new Option<string?>("--metered") { Description = "Meter readings (CSV: building_id or neighbourhood, carrier, year, kwh): fit one calibration factor per typology to them (NMBE and CV(RMSE) as in ASHRAE Guideline 14)" };
        var network = Common.Network();
        var city = Common.City();
        var classes = Common.Classes();
        var command = new Command("run", "Run renovation scenarios over a building stock") { stock, scenario, output, climate, threads, format, metered, network, city, classes };
        stockOptions.AddTo(command);
        command.SetAction(r =>
        {
            StockSource source = stockOptions.Source(r, r.GetValue(stock)!);
            string[] scenarios = r.GetValue(scenario)!;
            RunOptions options = Common.RunOptions(r.GetValue(threads), r.GetValue(format)!);
            var meterIssues = new List<DataIssue>();
            string? meterFile = r.GetValue(metered);
            IReadOnlyList<MeterReading>? readings = meterFile is null ? null : MeterCalibration.Read(meterFile, meterIssues);
            (TwinData data, TwinStock loaded, IReadOnlyList<ScenarioFile> files) = ScenarioRun.Prepare(r.GetValue(Common.Data), r.GetValue(climate), source, scenarios, options, r.GetValue(network));
            PrintLoad(loaded);
            foreach (ScenarioFile f in files.Where(f => r.GetValue(network) is not null && f.Scenario.EmissionFactorsKgPerKWh.ContainsKey("districtHeat")))
            {
                Console.Error.WriteLine($"note: {f.Scenario.Name} gives its own districtHeat emission trajectory; it replaces the CO₂ factor of --dh-network {r.GetValue(network)} (the network's w_PC still sets EP).");
            }

            data = data.WithCity(r.GetValue(city));
            data = r.GetValue(classes) is string scale ? data.WithClassScale(scale) : data;
            if (readings is not null)
            {
                MeterFit fit = MeterCalibration.Fit(loaded, data, meterFile!, readings, files[0].Scenario.Horizon.StartYear, options);
                MeterReport.Print(fit, meterIssues);
                data = MeterCalibration.Apply(data, fit);
            }

            RunAll(loaded, data, files, r.GetValue(output)!, subfolders: scenarios.Length > 1, options);
            return 0;
        });
        return command;
    }

    public static void PrintLoad(TwinStock stock) =>
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"stock {Markup.Escape(stock.Source.Path)}: {stock.Result.Read:N0} read, {stock.Buildings.Count:N0} accepted, {stock.Result.Rejects.Count:N0} rejected — {stock.Result.Elapsed.TotalSeconds:0.0} s"));

    /// <summary>Runs and writes each scenario in turn (its folder complete before the next starts); returns the headlines.</summary>
    public static IReadOnlyList<Headline> RunAll(TwinStock stock, TwinData data, IReadOnlyList<ScenarioFile> scenarios, string outDir, bool subfolders, RunOptions options)
    {
        var headlines = new List<Headline>();
        foreach (ScenarioFile s in scenarios)
        {
            ScenarioRun run = ScenarioRun.Execute(stock, data, s, options);
            string dir = RunDirectory.Write(run, subfolders ? Path.Combine(outDir, s.Scenario.Name) : outDir, options);
            Console.Out.WriteLine(run.Headline.ToString()); // one unwrapped line, as the run library's users print it
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  [grey]{run.Elapsed.TotalSeconds:0.0} s → {Markup.Escape(dir)}[/]"));
            headlines.Add(run.Headline);
        }

        return headlines;
    }
}
