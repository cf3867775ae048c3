using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Validation;
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
    /// <summary>The value of an item; the table was checked for every <see cref="SimulationData.RequiredUnitCosts"/> item when it was read.</summary>
    public double this[string item] => Values[item];
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
    /// <summary>
    /// Adaptation of the calculated delivered energy to measured consumption (TABULA Tab.CalcAdapt, optionally fitted to
    /// meter readings); <see cref="ConsumptionCalibration.None"/> gives TABULA's standard-use result.
    /// </summary>
    public ConsumptionCalibration Calibration { get; init; } = ConsumptionCalibration.None;

    /// <summary>The district-heating network the stock is on (its factors are those of <see cref="Carrier.DistrictHeat"/>); null = the carrier table's.</summary>
    public DistrictHeatNetwork? Network { get; init; }

    /// <summary>Non-renewable primary-energy factor of each carrier, in <see cref="Carrier"/> order.</summary>
    public double[] PrimaryFactors => Enum.GetValues<Carrier>().Select(c => Carriers[c].PrimaryNonRenewable).ToArray();

    /// <summary>Regional bans of heat generators (anti-smog resolutions); they apply to buildings in <see cref="City"/>.</summary>
    public IReadOnlyList<HeatingBan> HeatingBans { get; init; } = [];

    /// <summary>The city or area the stock is in (for <see cref="HeatingBans"/>); null: unknown, no ban applies.</summary>
    public string? City { get; init; }

    /// <summary>The largest EP (heating and hot water) a new building of each size class may have [kWh/(m²·a)] (WT 2021, § 329); size classes without a sourced limit are absent.</summary>
    public IReadOnlyDictionary<SizeClass, EpLimit> EpLimits { get; init; } = new Dictionary<SizeClass, EpLimit>();

    /// <summary>Reads an EP-limit table: size_class, ep_max_kwh_per_m2, from (yyyy-MM-dd), source.</summary>
    /// <exception cref="InputException">A column is missing, a size class is unknown or repeated, a value implausible.</exception>
    public static IReadOnlyDictionary<SizeClass, EpLimit> EpLimitsFromTable(CsvTable table)
    {
        var issues = new List<DataIssue>();
        var t = new TableReader(table, issues, "size_class");
        var map = new Dictionary<SizeClass, EpLimit>();
        if (t.Require("size_class", "ep_max_kwh_per_m2", "from", "source"))
        {
            foreach (string[] row in table.Rows)
            {
                if (t.SizeClassKey(row) is not SizeClass size)
                {
                    continue;
                }

                if (map.ContainsKey(size))
                {
                    t.Add(t.Key(row), "size_class", t.Key(row), null, "is listed twice", "Use SFH, TH, MFH or AB, once each.");
                    continue;
                }

                DateOnly from = t.Date(row, "from", "the limit applies from");

                // Bounds: Polish EP limits have ranged from 45 (public, 2021) to 190 (health care) kWh/(m²·a).
                map[size] = new EpLimit(t.Number(row, "ep_max_kwh_per_m2", "kWh/(m2 a)", 0, 500), from, table.Get(row, "source"));
            }
        }

        return issues.Count > 0 ? throw new InputException(issues) : map;
    }

    /// <summary>Default shares of elements renewed since construction, by size class and period, for buildings whose stock states none; empty = as built.</summary>
    public IReadOnlyList<RenewalShare> RenewalShares { get; init; } = [];

    /// <summary>Reads a renewal-share table: size_class, year_from, year_to, wall, roof, floor, windows (shares 0–1), source.</summary>
    /// <exception cref="InputException">A column is missing, a size class is unknown, a share is outside 0–1 or a period is reversed.</exception>
    public static IReadOnlyList<RenewalShare> RenewalSharesFromTable(CsvTable table)
    {
        var issues = new List<DataIssue>();
        var t = new TableReader(table, issues, "size_class");
        var list = new List<RenewalShare>();
        if (t.Require("size_class", "year_from", "year_to", "wall", "roof", "floor", "windows", "source"))
        {
            foreach (string[] row in table.Rows)
            {
                string key = t.Key(row);
                if (t.SizeClassKey(row) is not SizeClass size)
                {
                    continue;
                }

                int from = (int)t.Number(row, "year_from", "year", 0, 9999), to = (int)t.Number(row, "year_to", "year", 0, 9999);
                if (to < from)
                {
                    t.Add(key, "year_to", to.ToString(CultureInfo.InvariantCulture), "year", $"ends before it starts ({from})", "Give the period as year_from ≤ year_to.");
                }

                list.Add(new RenewalShare(size, from, to, t.Number(row, "wall", "-", 0, 1), t.Number(row, "roof", "-", 0, 1), t.Number(row, "floor", "-", 0, 1), t.Number(row, "windows", "-", 0, 1), table.Get(row, "source")));
            }
        }

        return issues.Count > 0 ? throw new InputException(issues) : list;
    }

    /// <summary>Whether a district-heating network is at every building; null: only at buildings already on district heat.</summary>
    public bool? DistrictHeatAvailable { get; init; }

    /// <summary>Reads a heating-ban table: area, systems (space-separated heat generators), from (yyyy-MM-dd), note, source.</summary>
    /// <exception cref="InputException">A column is missing, a generator or a date cannot be read.</exception>
    public static IReadOnlyList<HeatingBan> HeatingBansFromTable(CsvTable table)
    {
        var issues = new List<DataIssue>();
        var t = new TableReader(table, issues, "area");
        var bans = new List<HeatingBan>();
        if (t.Require("area", "systems", "from", "source"))
        {
            foreach (string[] row in table.Rows)
            {
                var systems = new HashSet<HeatingSystem>(t.HeatingSystems(row, "systems"));
                DateOnly date = t.Date(row, "from", "the ban takes effect");

                bans.Add(new HeatingBan(t.Key(row), systems, date, table.Get(row, "source")));
            }
        }

        return issues.Count > 0 ? throw new InputException(issues) : bans;
    }

    /// <summary>The same data with district heat from <paramref name="network"/>: its w_PC and CO₂ factor replace the carrier table's.</summary>
    public SimulationData WithNetwork(DistrictHeatNetwork network)
    {
        var carriers = new Dictionary<Carrier, CarrierDefaults>(Carriers);
        CarrierDefaults dh = carriers[Carrier.DistrictHeat];
        carriers[Carrier.DistrictHeat] = dh with { Co2KgPerKWh = network.Co2KgPerKWh, PrimaryNonRenewable = network.PrimaryFactor, Source = $"{network.Name}: {network.Source}; CO₂ {network.Co2Basis}" };
        return this with { Carriers = carriers, Network = network };
    }

    /// <summary>Reads a district-heating network table: network, default, name, w_pc, w_pc_year, co2_kg_per_kwh, co2_basis, source.</summary>
    /// <exception cref="InputException">A column is missing, a value is implausible, ids repeat or not exactly one row is the default.</exception>
    public static (IReadOnlyList<DistrictHeatNetwork> Networks, DistrictHeatNetwork Default) NetworksFromTable(CsvTable table)
    {
        var issues = new List<DataIssue>();
        var t = new TableReader(table, issues, "network");
        var list = new List<DistrictHeatNetwork>();
        var defaults = new List<DistrictHeatNetwork>();
        if (t.Require("network", "default", "name", "w_pc", "w_pc_year", "co2_kg_per_kwh", "co2_basis", "source"))
        {
            foreach (string[] row in table.Rows)
            {
                // Bounds: w_PC of Polish networks 0 (renewable) to ~2 (Międzylesie 1.60); CO₂ as the carrier table (0–2 kg/kWh).
                var n = new DistrictHeatNetwork(t.Key(row), table.Get(row, "name"), t.Number(row, "w_pc", "-", 0, 3), (int)t.Number(row, "w_pc_year", "year", 1990, 2100), t.Number(row, "co2_kg_per_kwh", "kg/kWh", 0, 2), table.Get(row, "co2_basis"), table.Get(row, "source"));
                if (list.Any(x => x.Id == n.Id))
                {
                    t.Add(n.Id, "network", n.Id, null, "is listed twice", "Keep one row per network.");
                }

                list.Add(n);
                if (table.Get(row, "default") == "yes")
                {
                    defaults.Add(n);
                }
            }

            if (defaults.Count != 1)
            {
                t.Add(null, "default", defaults.Count.ToString(CultureInfo.InvariantCulture), null, "exactly one network must be the default", "Write yes in the default column of the network the bundled stock is on, no elsewhere.");
            }
        }

        return issues.Count > 0 ? throw new InputException(issues) : (list, defaults[0]);
    }

    /// <summary>The unit-cost items the engine uses; every one must be in the unit-cost table.</summary>
    public static readonly IReadOnlyList<string> RequiredUnitCosts =
    [
        "wall_fix", "wall_per_cm", "roof_fix", "roof_per_cm", "floor_fix", "floor_per_cm", "envelope_lifetime", "window_double", "window_triple",
        "window_lifetime", "ventilation_hr", "ventilation_lifetime", "price_level_factor", "construction_price_index_pl", "insulation_lambda", "pv_investment", "pv_lifetime",
        "pv_kwp_per_m2", "pv_specific_yield", "pv_self_consumption", "heat_load_min_kw",
        "envelope_maintenance", "window_maintenance", "ventilation_maintenance", "pv_maintenance",
        "wall_energy_share", "roof_energy_share", "floor_energy_share", "window_energy_share", "exchange_rate_pln_per_eur",
    ];

    /// <summary>Unit-cost items that must be positive (a conductivity, lifetimes).</summary>
    private static readonly string[] PositiveCosts = ["construction_price_index_pl", "insulation_lambda", "envelope_lifetime", "window_lifetime", "ventilation_lifetime", "pv_lifetime"];

    /// <summary>Unit-cost items that are shares or ratios [-] and must lie in 0–1.</summary>
    private static readonly HashSet<string> FractionCosts = new(StringComparer.Ordinal)
    {
        "pv_self_consumption", "envelope_maintenance", "window_maintenance", "ventilation_maintenance", "pv_maintenance",
        "wall_energy_share", "roof_energy_share", "floor_energy_share", "window_energy_share",
    };

    /// <summary>
    /// Builds the engine data from its reference tables, checking every table completely first.
    /// </summary>
    /// <exception cref="InputException">Any table has problems: all of them, each with file, row, column, value and unit.</exception>
    public static SimulationData FromTables(TypologyCatalog typologies, TabulaMeasureCatalog measures, PeriodClimate climate, CsvTable carriers, CsvTable systems, CsvTable costs, CsvTable currentHeating, CsvTable? energyClasses = null, CsvTable? calibration = null)
    {
        var issues = new List<DataIssue>();
        (Dictionary<Carrier, CarrierDefaults> carrierMap, CarrierDefaults export) = ReadCarriers(new TableReader(carriers, issues, "carrier"));
        Dictionary<HeatingSystem, HeatingSystemSpec> systemMap = ReadSystems(new TableReader(systems, issues, "system"));
        Dictionary<string, double> costMap = ReadCosts(new TableReader(costs, issues, "item"));
        Dictionary<SizeClass, HeatingSystem> heating = ReadCurrentHeating(new TableReader(currentHeating, issues, "size_class"), systemMap);
        EnergyClassScale scale = energyClasses is null ? EnergyClassScale.Geg2020 : ReadClassScale(new TableReader(energyClasses, issues, "class"));
        ConsumptionCalibration calib = calibration is null ? ConsumptionCalibration.None : ReadCalibration(new TableReader(calibration, issues, "code"));
        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }

        return new SimulationData(typologies, measures, climate, carrierMap, export, systemMap, new UnitCosts(costMap), scale, heating) { Calibration = calib };
    }

    private static (Dictionary<Carrier, CarrierDefaults>, CarrierDefaults) ReadCarriers(TableReader t)
    {
        var map = new Dictionary<Carrier, CarrierDefaults>();
        var export = new CarrierDefaults(0, 0, 0, "none");
        if (!t.Require("carrier", "price_eur_per_kwh", "co2_kg_per_kwh", "primary_nonrenewable_factor", "source"))
        {
            return (map, export);
        }

        foreach (string[] row in t.Table.Rows)
        {
            // Plausibility bounds: the scenario validator's (prices 0–5 EUR/kWh, emission factors 0–2 kg/kWh); f_p,nren 0–5.
            var d = new CarrierDefaults(t.Number(row, "price_eur_per_kwh", "EUR/kWh", 0, 5), t.Number(row, "co2_kg_per_kwh", "kg/kWh", 0, 2), t.Number(row, "primary_nonrenewable_factor", "-", 0, 5), t.Table.Get(row, "source"));
            string name = t.Key(row);
            if (name == "pvExport")
            {
                export = d;
            }
            else if (TryParseCarrier(name, out Carrier c))
            {
                map[c] = d;
            }
            else
            {
                t.Add(name, "carrier", name, null, "is not a carrier", $"Use {string.Join(", ", Enum.GetValues<Carrier>().Select(CarrierName))} or pvExport.");
            }
        }

        foreach (Carrier c in Enum.GetValues<Carrier>().Where(c => !map.ContainsKey(c)))
        {
            t.Add(null, "carrier", CarrierName(c), null, $"carrier '{CarrierName(c)}' is missing", "Every carrier needs a row with its price, emission factor and primary-energy factor.");
        }

        return (map, export);
    }

    private static Dictionary<HeatingSystem, HeatingSystemSpec> ReadSystems(TableReader t)
    {
        var map = new Dictionary<HeatingSystem, HeatingSystemSpec>();
        if (!t.Require("system", "carrier", "seasonal_efficiency", "investment_eur_per_kw", "investment_fixed_eur", "lifetime_years", "maintenance_share_per_year", "source"))
        {
            return map;
        }

        foreach (string[] row in t.Table.Rows)
        {
            string name = t.Key(row);
            if (!ScenarioValidator.TryParseHeating(name, out HeatingSystem h))
            {
                t.Add(name, "system", name, null, "is not a heat generator", $"Use one of {string.Join(", ", Enum.GetValues<HeatingSystem>().Select(ScenarioValidator.KebabName))}.");
                continue;
            }

            string carrierName = t.Table.Get(row, "carrier");
            if (!TryParseCarrier(carrierName, out Carrier carrier))
            {
                t.Add(name, "carrier", carrierName, null, "is not a carrier", $"Use {string.Join(", ", Enum.GetValues<Carrier>().Select(CarrierName))}.");
            }

            // Seasonal efficiency up to 1.2: condensing boilers on net calorific value exceed 1. Heat pumps' COPs are computed
            // (HeatPump.Cop), so their efficiency column is not used and may hold 0.
            bool heatPump = h is HeatingSystem.AirHeatPump or HeatingSystem.GroundHeatPump;
            map[h] = new HeatingSystemSpec(h, carrier, t.Number(row, "seasonal_efficiency", "-", heatPump ? 0 : 0.1, heatPump ? 10 : 1.2), t.Number(row, "investment_eur_per_kw", "EUR/kW", 0, 1e5), t.Number(row, "investment_fixed_eur", "EUR", 0, 1e7), (int)t.Number(row, "lifetime_years", "a", 1, 100), t.Table.Get(row, "source"))
            {
                MaintenanceSharePerYear = t.Number(row, "maintenance_share_per_year", "1/a", 0, 0.5),
            };
        }

        foreach (HeatingSystem h in Enum.GetValues<HeatingSystem>().Where(h => !map.ContainsKey(h)))
        {
            t.Add(null, "system", ScenarioValidator.KebabName(h), null, $"heat generator '{ScenarioValidator.KebabName(h)}' is missing", "Every heat generator a package or the current-heating table may name needs a row.");
        }

        return map;
    }

    private static Dictionary<string, double> ReadCosts(TableReader t)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!t.Require("item", "value", "unit", "source"))
        {
            return map;
        }

        foreach (string[] row in t.Table.Rows)
        {
            string item = t.Key(row);
            if (!map.TryAdd(item, t.Number(row, "value", t.Table.Get(row, "unit"), 0, FractionCosts.Contains(item) ? 1 : 1e7)))
            {
                t.Add(item, "item", item, null, "is listed twice", "Keep one row per item.");
            }
        }

        foreach (string item in RequiredUnitCosts.Where(i => !map.ContainsKey(i)))
        {
            t.Add(null, "item", item, null, $"unit cost '{item}' is missing", "Add the row with its value, unit and source (see data/samples/defaults/unit_costs.csv).");
        }

        foreach (string item in PositiveCosts.Where(i => map.TryGetValue(i, out double v) && v <= 0))
        {
            t.Add(item, "value", "0", null, "must be positive", "A conductivity or a lifetime of zero is not meaningful.");
        }

        return map;
    }

    private static Dictionary<SizeClass, HeatingSystem> ReadCurrentHeating(TableReader t, Dictionary<HeatingSystem, HeatingSystemSpec> systems)
    {
        var map = new Dictionary<SizeClass, HeatingSystem>();
        if (!t.Require("size_class", "system"))
        {
            return map;
        }

        foreach (string[] row in t.Table.Rows)
        {
            string system = t.Table.Get(row, "system");
            if (t.SizeClassKey(row) is not SizeClass s)
            {
                continue;
            }

            if (!ScenarioValidator.TryParseHeating(system, out HeatingSystem h))
            {
                t.Add(t.Key(row), "system", system, null, "is not a heat generator", $"Use one of {string.Join(", ", Enum.GetValues<HeatingSystem>().Select(ScenarioValidator.KebabName))}.");
            }
            else
            {
                map[s] = h;
            }
        }

        return map;
    }

    /// <summary>The node columns of a calibration table: TABULA's F_CalcAdapt_000 … _500.</summary>
    public static readonly IReadOnlyList<string> CalibrationNodeColumns = ["f_000", "f_100", "f_200", "f_300", "f_400", "f_500"];

    private static ConsumptionCalibration ReadCalibration(TableReader t)
    {
        var curves = new Dictionary<HeatingSystem, CalibrationCurve>();
        if (!t.Require(["code", "systems", "basis", .. CalibrationNodeColumns, "source"]))
        {
            return ConsumptionCalibration.None;
        }

        foreach (string[] row in t.Table.Rows)
        {
            string code = t.Key(row), basisText = t.Table.Get(row, "basis");
            // Bounds: TABULA's published factors lie in 0.36–1.2; 0.1–3 admits any plausible adaptation and rejects slips (e.g. percent).
            double[] nodes = CalibrationNodeColumns.Select(c => t.Number(row, c, "-", 0.1, 3)).ToArray();
            CalibrationBasis? basis = basisText switch { "delivered" => CalibrationBasis.Delivered, "generated" => CalibrationBasis.Generated, _ => null };
            if (basis is null)
            {
                t.Add(code, "basis", basisText, null, "is not a calibration basis", "Use 'delivered' (final energy per m²) or 'generated' (heat produced per m², for heat pumps).");
                continue;
            }

            foreach (HeatingSystem h in t.HeatingSystems(row, "systems"))
            {
                if (!curves.TryAdd(h, new CalibrationCurve(code, basis.Value, nodes, t.Table.Get(row, "source"))))
                {
                    t.Add(code, "systems", ScenarioValidator.KebabName(h), null, $"already has the curve {curves[h].Code}", "Give each heat generator one row.");
                }
            }
        }

        foreach (HeatingSystem h in Enum.GetValues<HeatingSystem>().Where(h => !curves.ContainsKey(h)))
        {
            t.Add(null, "systems", ScenarioValidator.KebabName(h), null, $"heat generator '{ScenarioValidator.KebabName(h)}' has no calibration curve", "Every heat generator needs a row; write 1 in every f_ column for no adaptation.");
        }

        return new ConsumptionCalibration(Path.GetFileName(t.Table.Source), curves);
    }

    private static EnergyClassScale ReadClassScale(TableReader t)
    {
        if (!t.Require("class", "upper_bound_kwh_per_m2"))
        {
            return EnergyClassScale.Geg2020;
        }

        CsvTable table = t.Table;
        ClassBasis basis = ClassBasis.FinalEnergy;
        if (table.Has("basis"))
        {
            string[] bases = table.Rows.Select(r => table.Get(r, "basis")).Distinct().ToArray();
            if (bases is ["primary"])
            {
                basis = ClassBasis.PrimaryEnergy;
            }
            else if (bases is not ["final"])
            {
                t.Add(null, "basis", string.Join(" ", bases), null, "is not one basis for the whole scale", "Write 'final' (final energy per m²) or 'primary' (EP per m²) in every row.");
            }
        }

        // Rows grouped by their size classes (one group when the column is absent); every group lists the same classes.
        var groups = table.Rows.GroupBy(r => table.Has("size_classes") ? table.Get(r, "size_classes") : string.Empty).ToList();
        List<string>? classes = null;
        var bySize = new Dictionary<SizeClass, IReadOnlyList<double>>();
        IReadOnlyList<double> bounds = [];
        IReadOnlyList<double>? defaultBounds = null;
        foreach (var g in groups)
        {
            List<string[]> rows = g.ToList();
            var names = rows.Select(t.Key).ToList();
            var b = rows.Take(rows.Count - 1).Select(r => t.Number(r, "upper_bound_kwh_per_m2", "kWh/(m²a)", -10_000, 10_000)).ToList();
            if (names.Count < 2 || b.Zip(b.Skip(1)).Any(p => !(p.Second > p.First)) || (classes is not null && !classes.SequenceEqual(names)))
            {
                t.Add(null, "upper_bound_kwh_per_m2", g.Key.Length > 0 ? g.Key : null, "kWh/(m²a)", "an energy-class scale needs at least two classes with increasing upper bounds, the last one open-ended, and the same classes for every size-class group", "List the classes best first, each with its upper bound; leave the last bound empty.");
                return EnergyClassScale.Geg2020;
            }

            classes ??= names;
            bounds = b;
            if (g.Key.Length == 0)
            {
                defaultBounds = b;
            }

            foreach (string size in g.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Names only: Enum.TryParse would also take "1" or "SFH,TH" (a flags combination).
                SizeClass? sc = size switch { "SFH" => SizeClass.SFH, "TH" => SizeClass.TH, "MFH" => SizeClass.MFH, "AB" => SizeClass.AB, _ => null };
                if (sc is null)
                {
                    t.Add(null, "size_classes", size, null, "is not a TABULA size class", "Use SFH, TH, MFH or AB, separated by spaces.");
                }
                else if (!bySize.TryAdd(sc.Value, b))
                {
                    t.Add(null, "size_classes", size, null, "is in two groups of the scale", "Name each size class in one group only.");
                }
            }
        }

        // Every size class needs its bounds: named in a group, or covered by a group with an empty size_classes (the default).
        bool hasDefault = groups.Any(g => g.Key.Length == 0);
        string[] uncovered = hasDefault ? [] : [.. new[] { SizeClass.SFH, SizeClass.TH, SizeClass.MFH, SizeClass.AB }.Where(c => !bySize.ContainsKey(c)).Select(c => c.ToString())];
        if (uncovered.Length > 0)
        {
            t.Add(null, "size_classes", string.Join(" ", uncovered), null, "have no bounds in the scale", "Name every size class (SFH, TH, MFH, AB) in one group, or add a group with an empty size_classes for the rest.");
        }

        return new EnergyClassScale(Path.GetFileName(table.Source), classes!, defaultBounds ?? bounds) { Basis = basis, BoundsBySizeClass = bySize };
    }

    /// <summary>An energy-class scale table: class, upper_bound_kwh_per_m2 (best first; the last row open-ended, empty bound).</summary>
    /// <exception cref="InputException">The table is not such a scale.</exception>
    public static EnergyClassScale ClassScaleFromTable(CsvTable t)
    {
        var issues = new List<DataIssue>();
        EnergyClassScale scale = ReadClassScale(new TableReader(t, issues, "class"));
        return issues.Count > 0 ? throw new InputException(issues) : scale;
    }

    /// <summary>Reads a monthly (12 rows) or seasonal (1 row) climate table: days, theta_e_c, i_hor/i_east/i_south/i_west/i_north_kwh_m2.</summary>
    /// <exception cref="InputException">The table has another number of rows, misses a column or holds implausible values (all listed).</exception>
    public static PeriodClimate ClimateFromTable(CsvTable t, string name, double designTemperatureC)
    {
        var issues = new List<DataIssue>();
        var read = new TableReader(t, issues, "month");
        string[] irr = ["i_hor_kwh_m2", "i_east_kwh_m2", "i_south_kwh_m2", "i_west_kwh_m2", "i_north_kwh_m2"];
        int n = t.Rows.Count;
        if (n is not (1 or 12))
        {
            read.Add(null, "(rows)", n.ToString(CultureInfo.InvariantCulture), "rows", $"a climate table has 12 monthly rows or 1 seasonal row, not {n}", "Write one row per month (twin climate --nsrdb/--epw makes one), or one heating-season row.");
        }

        double[] days = [], theta = [];
        double[][] irradiation = [];
        if (read.Require(["days", "theta_e_c", .. irr]))
        {
            // Bounds: a period lasts at most a year; Earth's recorded extremes are −89 / +57 °C; irradiation per period
            // below 2,000 kWh/m² (the sunniest places receive ~2,500 kWh/m² in a whole year, so no single month comes near).
            days = t.Rows.Select(r => read.Number(r, "days", "d", 0.01, 366)).ToArray();
            theta = t.Rows.Select(r => read.Number(r, "theta_e_c", "°C", -90, 60)).ToArray();
            irradiation = irr.Select(c => t.Rows.Select(r => read.Number(r, c, "kWh/m²", 0, n == 1 ? 3000 : 2000)).ToArray()).ToArray();
            if (days.Sum() > 366.5)
            {
                read.Add(null, "days", days.Sum().ToString("0.#", CultureInfo.InvariantCulture), "d", "the periods add up to more than a year", "Give each month's length in days (28–31).");
            }
        }

        return issues.Count > 0 ? throw new InputException(issues) : new PeriodClimate(name, t.Source, days, theta, irradiation, IsSeasonal: n == 1) { DesignTemperatureC = designTemperatureC };
    }

    /// <summary>The carrier's name in tables and scenarios (camelCase: gas, districtHeat, …).</summary>
    public static string CarrierName(Carrier c) => c switch
    {
        Carrier.DistrictHeat => "districtHeat",
        _ => c.ToString().ToLowerInvariant(),
    };

    /// <summary>The carrier of a table or scenario name (<see cref="CarrierName"/>).</summary>
    public static bool TryParseCarrier(string name, out Carrier carrier)
    {
        foreach (Carrier c in Enum.GetValues<Carrier>())
        {
            if (CarrierName(c) == name)
            {
                carrier = c;
                return true;
            }
        }

        carrier = default;
        return false;
    }
}
