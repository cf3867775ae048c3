using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Stock;
using Twin.Core.Typologies;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests;

/// <summary>The bundled reference data, sample stock and scenarios, loaded once per test run.</summary>
internal static class SimFixtures
{
    private static readonly Lazy<SimulationData> LazyData = new(() => Load(Path.Combine(TestPaths.Samples, "weather", "tabula_PL_N_season.csv")));
    private static readonly Lazy<BuildingStock> LazySample = new(() => StockLoader.Load(
        Path.Combine(TestPaths.Samples, "warsaw-srodmiescie", "buildings.geojson"),
        Data.Typologies,
        new StockLoadOptions { Mapping = MappingFile.Read(Path.Combine(TestPaths.Samples, "warsaw-srodmiescie", "bdot10k-mapping.json")) },
        Path.Combine(TestPaths.Samples, "warsaw-srodmiescie", "neighbourhoods.geojson")).Stock);

    public static SimulationData Data => LazyData.Value;

    public static BuildingStock SampleStock => LazySample.Value;

    public static Scenario Scenario(string name) => ScenarioJson.Parse(File.ReadAllText(Path.Combine(TestPaths.Samples, "scenarios", name + ".json")), name);

    public static SimulationData Load(string climatePath)
    {
        string t = TestPaths.Typologies, d = Path.Combine(TestPaths.Samples, "defaults");
        var climate = SimulationData.ClimateFromTable(CsvTable.Read(climatePath), "test", -18.0);
        var monthly = SimulationData.ClimateFromTable(CsvTable.Read(Path.Combine(TestPaths.Samples, "weather", "warsaw_monthly_nsrdb2019.csv")), "monthly", -18.0);
        climate = climate with { AnnualHorizontalKWhPerM2 = monthly.AnnualHorizontal };
        return SimulationData.FromTables(
            TypologyCatalog.Load(Path.Combine(t, "tabula_PL_existing_state.csv"), Path.Combine(t, "tabula_PL_variants.csv")),
            TabulaMeasureCatalog.Load(Path.Combine(t, "tabula_measures_PL.csv"), Path.Combine(t, "measure_supplements_PL.csv")),
            climate,
            CsvTable.Read(Path.Combine(d, "carriers.csv")),
            CsvTable.Read(Path.Combine(d, "heating_systems.csv")),
            CsvTable.Read(Path.Combine(d, "unit_costs.csv")),
            CsvTable.Read(Path.Combine(d, "current_heating.csv")));
    }
}
