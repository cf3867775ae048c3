using Twin.Core.IO;
using Twin.Core.Typologies;
using Twin.Sim.Climate;
using Twin.Sim.Engine;

namespace Twin.Cli.Runs;

/// <summary>Loads the engine's reference data (typologies, measures, climate, carriers, systems, costs) from a data folder laid out like data/samples.</summary>
internal static class EngineInputs
{
    /// <summary>Design outdoor temperature for Warsaw, −18 °C: climatic zone II of PN-EN 12831:2006 national annex (PN-82/B-02403 zones).</summary>
    public const double WarsawDesignTemperatureC = -18.0;

    public static IReadOnlyList<string> Files(string root, string? climate) =>
    [
        Path.Combine(root, "typologies", "tabula_PL_existing_state.csv"),
        Path.Combine(root, "typologies", "tabula_PL_variants.csv"),
        Path.Combine(root, "typologies", "tabula_measures_PL.csv"),
        Path.Combine(root, "typologies", "measure_supplements_PL.csv"),
        climate ?? Path.Combine(root, "weather", "tabula_PL_N_season.csv"),
        Path.Combine(root, "weather", "warsaw_monthly_nsrdb2019.csv"),
        Path.Combine(root, "defaults", "carriers.csv"),
        Path.Combine(root, "defaults", "heating_systems.csv"),
        Path.Combine(root, "defaults", "unit_costs.csv"),
        Path.Combine(root, "defaults", "current_heating.csv"),
        Path.Combine(root, "defaults", "energy_classes.csv"),
    ];

    public static SimulationData Load(string root, string? climatePath = null)
    {
        IReadOnlyList<string> f = Files(root, climatePath);
        TypologyCatalog catalog = TypologyCatalog.Load(f[0], f[1]);
        TabulaMeasureCatalog measures = TabulaMeasureCatalog.Load(f[2], f[3]);
        PeriodClimate monthlyWarsaw = SimulationData.ClimateFromTable(CsvTable.Read(f[5]), "Warsaw 2019 (NSRDB)", WarsawDesignTemperatureC);
        PeriodClimate climate = SimulationData.ClimateFromTable(CsvTable.Read(f[4]), Path.GetFileNameWithoutExtension(f[4]), WarsawDesignTemperatureC);

        // A seasonal climate has no annual irradiation for PV: take it from the Warsaw monthly table (NSRDB 2019).
        climate = climate with { AnnualHorizontalKWhPerM2 = climate.IsSeasonal ? monthlyWarsaw.AnnualHorizontal : climate.AnnualHorizontal };
        return SimulationData.FromTables(catalog, measures, climate, CsvTable.Read(f[6]), CsvTable.Read(f[7]), CsvTable.Read(f[8]), CsvTable.Read(f[9]), CsvTable.Read(f[10]));
    }
}
