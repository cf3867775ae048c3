using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Stock;
using Twin.Core.Typologies;
using Twin.Sim.Climate;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Sim.Engine;

/// <summary>Default properties of a carrier: price [EUR/kWh], CO₂ [kg/kWh], non-renewable primary-energy factor [-].</summary>
public sealed record CarrierDefaults(double PriceEurPerKWh, double Co2KgPerKWh, double PrimaryNonRenewable, string Source);

/// <summary>Unit costs and technical assumptions for renovation measures (data/samples/defaults/unit_costs.csv, each sourced).</summary>
public sealed record UnitCosts(IReadOnlyDictionary<string, double> Values)
{
    public double this[string item] => Values.TryGetValue(item, out double v) ? v : throw new InvalidDataException($"unit cost '{item}' is missing from the unit-cost table.");
}

/// <summary>
/// Everything the engine needs besides the stock and the scenario: typologies and their refurbishment
/// measures, climate, carriers, heat generators, unit costs, the energy-class scale and the assumed current
/// heating. Built from tables (read by Twin.Core), so the engine itself never touches files.
/// </summary>
public sealed record SimulationData(
    TypologyCatalog Typologies,
    TabulaMeasureCatalog Measures,
    PeriodClimate Climate,
    IReadOnlyDictionary<Carrier, CarrierDefaults> Carriers,
    CarrierDefaults PvExport,
    IReadOnlyDictionary<HeatingSystem, HeatingSystemSpec> HeatingSystems,
    UnitCosts Costs,
    EnergyClassScale ClassScale,
    IReadOnlyDictionary<SizeClass, HeatingSystem> CurrentHeating)
{
    public static SimulationData FromTables(TypologyCatalog typologies, TabulaMeasureCatalog measures, PeriodClimate climate, CsvTable carriers, CsvTable systems, CsvTable costs, CsvTable currentHeating, CsvTable? energyClasses = null)
    {
        var carrierMap = new Dictionary<Carrier, CarrierDefaults>();
        CarrierDefaults? export = null;
        foreach (string[] row in carriers.Rows)
        {
            string name = carriers.Get(row, "carrier");
            var d = new CarrierDefaults(Number(carriers, row, "price_eur_per_kwh"), Number(carriers, row, "co2_kg_per_kwh"), Number(carriers, row, "primary_nonrenewable_factor"), carriers.Get(row, "source"));
            if (name == "pvExport")
            {
                export = d;
            }
            else
            {
                carrierMap[ParseCarrier(name, carriers.Source)] = d;
            }
        }

        foreach (Carrier c in Enum.GetValues<Carrier>())
        {
            if (!carrierMap.ContainsKey(c))
            {
                throw new InvalidDataException($"{carriers.Source}: carrier '{CarrierName(c)}' is missing.");
            }
        }

        var systemMap = new Dictionary<HeatingSystem, HeatingSystemSpec>();
        foreach (string[] row in systems.Rows)
        {
            string name = systems.Get(row, "system");
            if (!ScenarioValidator.TryParseHeating(name, out HeatingSystem h))
            {
                throw new InvalidDataException($"{systems.Source}: unknown system '{name}'.");
            }

            systemMap[h] = new HeatingSystemSpec(h, ParseCarrier(systems.Get(row, "carrier"), systems.Source), Number(systems, row, "seasonal_efficiency"), Number(systems, row, "investment_eur_per_kw"), Number(systems, row, "investment_fixed_eur"), (int)Number(systems, row, "lifetime_years"), systems.Get(row, "source"));
        }

        var costMap = costs.Rows.ToDictionary(r => costs.Get(r, "item"), r => Number(costs, r, "value"), StringComparer.Ordinal);
        var heating = new Dictionary<SizeClass, HeatingSystem>();
        foreach (string[] row in currentHeating.Rows)
        {
            if (!Enum.TryParse(currentHeating.Get(row, "size_class"), out SizeClass size) || !ScenarioValidator.TryParseHeating(currentHeating.Get(row, "system"), out HeatingSystem h))
            {
                throw new InvalidDataException($"{currentHeating.Source}: cannot read row '{string.Join(",", row)}'.");
            }

            heating[size] = h;
        }

        EnergyClassScale scale = energyClasses is null ? EnergyClassScale.Geg2020 : ClassScaleFromTable(energyClasses);
        return new SimulationData(typologies, measures, climate, carrierMap, export ?? new CarrierDefaults(0, 0, 0, "none"), systemMap, new UnitCosts(costMap), scale, heating);
    }

    /// <summary>An energy-class scale table: class, upper_bound_kwh_per_m2 (best first; the last row open-ended, empty bound).</summary>
    public static EnergyClassScale ClassScaleFromTable(CsvTable t)
    {
        var classes = t.Rows.Select(r => t.Get(r, "class")).ToList();
        var bounds = t.Rows.Take(t.Rows.Count - 1).Select(r => Number(t, r, "upper_bound_kwh_per_m2")).ToList();
        if (classes.Count < 2 || bounds.Zip(bounds.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new InvalidDataException($"{t.Source}: an energy-class scale needs at least two classes with increasing upper bounds, the last one open-ended.");
        }

        return new EnergyClassScale(Path.GetFileName(t.Source), classes, bounds);
    }

    /// <summary>Reads a monthly (12 rows) or seasonal (1 row) climate table: days, theta_e_c, i_hor/i_east/i_south/i_west/i_north_kwh_m2.</summary>
    public static PeriodClimate ClimateFromTable(CsvTable t, string name, double designTemperatureC)
    {
        int n = t.Rows.Count;
        if (n is not (1 or 12))
        {
            throw new InvalidDataException($"{t.Source}: a climate table has 12 monthly rows or 1 seasonal row, not {n}.");
        }

        string[] irr = ["i_hor_kwh_m2", "i_east_kwh_m2", "i_south_kwh_m2", "i_west_kwh_m2", "i_north_kwh_m2"];
        return new PeriodClimate(
            name,
            t.Source,
            t.Rows.Select(r => Number(t, r, "days")).ToArray(),
            t.Rows.Select(r => Number(t, r, "theta_e_c")).ToArray(),
            irr.Select(c => t.Rows.Select(r => Number(t, r, c)).ToArray()).ToArray(),
            IsSeasonal: n == 1) { DesignTemperatureC = designTemperatureC };
    }

    public static string CarrierName(Carrier c) => c switch
    {
        Carrier.DistrictHeat => "districtHeat",
        _ => c.ToString().ToLowerInvariant(),
    };

    public static Carrier ParseCarrier(string name, string source) =>
        Enum.GetValues<Carrier>().FirstOrDefault(c => CarrierName(c) == name, (Carrier)(-1)) is Carrier c && Enum.IsDefined(c)
            ? c
            : throw new InvalidDataException($"{source}: unknown carrier '{name}'; use {string.Join(", ", Enum.GetValues<Carrier>().Select(CarrierName))}.");

    private static double Number(CsvTable t, string[] row, string column) =>
        double.TryParse(t.Get(row, column), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
        : throw new InvalidDataException($"{t.Source}: '{column}' = '{t.Get(row, column)}' is not a number (row {string.Join(",", row.Take(2))}).");
}
