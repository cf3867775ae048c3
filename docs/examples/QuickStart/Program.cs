using Twin.Pipeline;
using Twin.Pipeline.IO;

TwinData data = TwinData.Load(args.Length > 0 ? args[0] : null);    // reference data: a folder, else TWIN_DATA, else the one shipped
TwinStock stock = TwinStock.Load(data.Sample.Stock, data);          // 4,930 BDOT10k buildings of central Warsaw, validated and typed
IReadOnlyList<ScenarioFile> scenarios = ScenarioFile.LoadAll(data.Sample.ScenarioPaths);
foreach (ScenarioRun run in ScenarioRun.ExecuteAll(stock, data, scenarios))
{
    Console.WriteLine(run.Headline);                                 // investment, subsidy, CO₂ cut by 2030/2040/2050, EUR/t avoided
    Console.WriteLine($"  {run.Result.BuildingCount} buildings, {run.Neighbourhoods.Count} neighbourhoods, {run.Years.Count} years; CO₂ 2040: {run.Years.Single(y => y.Year == 2040).Co2Kg / 1e6:0.0} kt");
    RunDirectory.Write(run, Path.Combine("out", "example", run.Scenario.Scenario.Name));    // GeoParquet, GeoPackage, CSV, manifest
}
