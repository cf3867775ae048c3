using Twin.Core.IO;
using Twin.Core.Stock;

namespace Twin.Core.Schema;

/// <summary>
/// The one registry of every column twin writes: stock, per-building results, per-year and per-neighbourhood totals,
/// rejects and issues. Writers build their columns through <see cref="Column(OutputTable, string, object?[])"/> (an
/// unregistered name or a wrong type is a bug and throws), legends and pick cards take titles and units from
/// <see cref="Find"/>, and <see cref="SchemaDocument"/> renders data/samples/SCHEMA.md from it.
/// </summary>
public static class ColumnRegistry
{
    private const AttributeType Text = AttributeType.Text, Number = AttributeType.Number, Integer = AttributeType.Integer, Boolean = AttributeType.Boolean;

    private const string FromStock = "the stock (stock.parquet)";
    private const string Balance = "EN ISO 13790 quasi-steady-state balance (TABULA common calculation method, seasonal or monthly) on the building's own envelope areas";
    private const string Systems = "heat generators (data/heating_systems.csv; heat-pump COP after Staffell et al. 2012) on heat need plus TABULA hot-water need q_w_nd";
    private const string Factors = "the scenario's emission-factor trajectory, else data/carriers.csv";
    private const string Prices = "the scenario's price trajectory, else data/carriers.csv";
    private const string Costs = "data/unit_costs.csv and data/heating_systems.csv (each row sourced) applied to the building's element areas";

    /// <summary>Every registered column, table by table, in the order the writers write them.</summary>
    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        .. Stock(),
        .. Buildings(),
        .. Years(),
        .. Neighbourhoods(),
        .. Rejects(),
        .. Issues(),
    ];

    /// <summary>The registered columns of one table.</summary>
    public static IEnumerable<ColumnSpec> Of(OutputTable table) => All.Where(c => c.Table == table);

    /// <summary>The registered column of that name (a literal or a template match), or null.</summary>
    public static ResolvedColumn? Find(OutputTable table, string name)
    {
        foreach (ColumnSpec spec in All)
        {
            if (spec.Table == table && spec.Match(name) is ResolvedColumn r)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>A column for a writer: the name must be registered for the table with this type.</summary>
    /// <exception cref="ArgumentException">The name is not registered, or registered with another type: a bug in the writer.</exception>
    public static AttributeColumn Column(OutputTable table, string name, object?[] values) => new(name, Registered(table, name).Type, values);

    /// <summary>A numeric column of doubles (NaN = missing) for a writer; the name must be registered as a number.</summary>
    /// <exception cref="ArgumentException">The name is not registered as a number column of the table: a bug in the writer.</exception>
    public static AttributeColumn Numbers(OutputTable table, string name, double[] values)
    {
        ColumnSpec spec = Registered(table, name);
        return spec.Type == Number ? AttributeColumn.FromNumbers(name, values) : throw new ArgumentException($"{table} column '{name}' is registered as {spec.Type}, not a number.", nameof(name));
    }

    private static ColumnSpec Registered(OutputTable table, string name) =>
        Find(table, name)?.Spec ?? throw new ArgumentException($"{table} column '{name}' is not in the column registry; register it (with unit, meaning and source) before writing it.", nameof(name));

    private static ColumnSpec C(OutputTable table, string name, AttributeType type, string unit, string title, string meaning, string source, bool extensive = false) =>
        new()
        {
            Table = table, Name = name, Type = type, Unit = unit, Title = title, Meaning = meaning, Source = source, Extensive = extensive,
            State = name.Contains("_before", StringComparison.Ordinal) ? ColumnState.Before : name.Contains("_after", StringComparison.Ordinal) ? ColumnState.After : ColumnState.None,
        };

    private static IEnumerable<ColumnSpec> Stock()
    {
        const OutputTable T = OutputTable.Stock;
        const string Metrics = "measured from the footprint in the metric CRS (EPSG:2180 in Poland, else the local UTM zone)";
        yield return C(T, "building_id", Text, "", "Building id", "id from the source (the mapped id attribute), or `row-N` when missing (reported)", "input");
        yield return C(T, "source_row", Integer, "", "Source row", "0-based row of the building in its source file", "input");
        yield return C(T, "footprint_area_m2", Number, "m²", "Footprint area", "planar footprint area (courtyards subtracted)", Metrics);
        yield return C(T, "perimeter_m", Number, "m", "Perimeter", "length of all rings (outer and courtyard walls)", Metrics);
        yield return C(T, "party_wall_length_m", Number, "m", "Party-wall length", "footprint edge length shared with neighbouring footprints (within 0.3 m and 10°)", Metrics);
        yield return C(T, "exposed_wall_length_m", Number, "m", "Exposed wall length", "perimeter − party walls", Metrics);
        foreach ((string o, string range) in new[] { ("north", "315–45°"), ("east", "45–135°"), ("south", "135–225°"), ("west", "225–315°") })
        {
            yield return C(T, $"exposed_wall_{o}_m", Number, "m", $"Exposed wall facing {o}", $"exposed length whose outward normal faces {o} ({range})", Metrics);
        }

        yield return C(T, "height_m", Number, "m", "Height", "building height (observed, or storeys × 3.0 m)", "input, else StockLoadOptions.StoreyHeightM × storeys");
        yield return C(T, "height_source", Text, "", "Height source", "`observed`, `inferred` or `missing`", "loader");
        yield return C(T, "storeys", Integer, "", "Storeys", "storeys above ground", "input, else height / 3.0 m, else the file's median for the use");
        yield return C(T, "storeys_source", Text, "", "Storeys source", "`observed`, `inferred` or `missing`", "loader");
        yield return C(T, "construction_year", Integer, "year", "Construction year", "observed or inferred construction year; empty when unknown", "input, else the mapping's year rules");
        yield return C(T, "construction_year_source", Text, "", "Construction-year source", "`observed`, `inferred` or `missing`", "loader");
        yield return C(T, "construction_year_rule", Text, "", "Construction-year rule", "name of the year rule that inferred the year (see the attribute mapping)", "attribute mapping");
        yield return C(T, "use_code", Text, "", "Use code", "the source's use value (OSM `building`, BDOT10k `fun_ogolna` PKOB class)", "input");
        yield return C(T, "use", Text, "", "Use", "`residential`, `nonresidential` or `unknown`", "the mapping's use classes");
        yield return C(T, "dwellings", Integer, "", "Dwellings", "number of dwellings where given", "input");
        yield return C(T, "size_class", Text, "", "Size class", "TABULA size class SFH, TH, MFH, AB", "use, storeys (≥ 10 → AB) and party walls (≥ 10 % of the perimeter → TH)");
        yield return C(T, "size_class_source", Text, "", "Size-class source", "`observed`, `inferred` or `missing`", "loader");
        yield return C(T, "country", Text, "", "Country", "TABULA country code (PL inferred from location in EPSG:2180's area)", "input, else location");
        yield return C(T, "country_source", Text, "", "Country source", "`observed`, `inferred` or `missing`", "loader");
        yield return C(T, "typology", Text, "", "TABULA typology", "TABULA building code, e.g. `PL.N.MFH.02.Gen.ReEx.001`; empty for non-residential", "TABULA/EPISCOPE (IWU) by country, size class and construction year");
        yield return C(T, "gross_floor_area_m2", Number, "m²", "Gross floor area", "footprint × storeys (external dimensions)", Metrics);
        yield return C(T, "heated_floor_area_m2", Number, "m²", "Heated floor area", "TABULA reference area A_C_Ref = gross × the type's A_C_Ref / A_C_ExtDim (0.85 for PL)", "TABULA typology");
        yield return C(T, "wall_area_m2", Number, "m²", "Opaque wall area", "opaque exposed wall area = exposed length × height − windows", Metrics);
        yield return C(T, "roof_area_m2", Number, "m²", "Roof area", "roof area (flat-roof projection = footprint)", Metrics);
        yield return C(T, "ground_floor_area_m2", Number, "m²", "Ground-floor area", "ground floor area (= footprint)", Metrics);
        foreach (string o in new[] { "north", "east", "south", "west" })
        {
            yield return C(T, $"window_{o}_m2", Number, "m²", $"Window area facing {o}", "exposed façade × the type's window share of the façade (TABULA A_Window / (A_Wall + A_Window + A_Door))", "TABULA typology on the measured façade");
        }

        yield return C(T, "neighbourhood", Text, "", "Neighbourhood", "name of the neighbourhood holding the footprint's centroid", "the neighbourhood polygons (--neighbourhoods)");
        yield return C(T, "heating", Text, "", "Heat generator (stated)", "current heat generator as the source states it (gas-boiler, coal-boiler, district-heat, …); empty = not stated (the engine's default by size class applies)", "input (the mapping's heating attribute and heatingValues)");
        foreach (EnvelopeElement e in Enum.GetValues<EnvelopeElement>())
        {
            yield return C(T, RenewalColumn(e), Integer, "year", RenewalTitle(e), "year of the renewal after construction as the source states it; 0 = not renewed, −1 = renewed in a year not given, empty = not stated", "input (the mapping's renewal attributes)");
        }
    }

    /// <summary>The stock and buildings column of an element's renewal year, e.g. wall_insulated_year.</summary>
    public static string RenewalColumn(EnvelopeElement e) => e switch
    {
        EnvelopeElement.Wall => "wall_insulated_year",
        EnvelopeElement.Roof => "roof_insulated_year",
        EnvelopeElement.Floor => "floor_insulated_year",
        _ => "windows_renewed_year",
    };

    private static string RenewalTitle(EnvelopeElement e) => e switch
    {
        EnvelopeElement.Wall => "Walls insulated",
        EnvelopeElement.Roof => "Roof insulated",
        EnvelopeElement.Floor => "Floor insulated",
        _ => "Windows replaced",
    };

    private static IEnumerable<ColumnSpec> Buildings()
    {
        const OutputTable T = OutputTable.Buildings;
        yield return C(T, "building_id", Text, "", "Building id", "id of the building in the stock", FromStock);
        yield return C(T, "typology", Text, "", "TABULA typology", "TABULA building code; empty where none applies", FromStock);
        yield return C(T, "size_class", Text, "", "Size class", "TABULA size class SFH, TH, MFH, AB", FromStock);
        yield return C(T, "construction_year", Integer, "year", "Construction year", "observed or inferred construction year", FromStock);
        yield return C(T, "construction_year_source", Text, "", "Construction-year source", "`observed`, `inferred` or `missing`", FromStock);
        yield return C(T, "neighbourhood", Text, "", "Neighbourhood", "name of the neighbourhood holding the footprint's centroid", FromStock);
        yield return C(T, "heated_floor_area_m2", Number, "m²", "Heated floor area", "TABULA reference area A_C_Ref", FromStock);
        yield return C(T, "height_m", Number, "m", "Height", "building height (extrusion height of the maps)", FromStock);
        yield return C(T, "simulated", Boolean, "", "Simulated", "false for buildings without a TABULA type (non-residential, unknown use), with the reason", "engine");
        yield return C(T, "not_simulated_reason", Text, "", "Why not simulated", "why the building was not simulated", "engine");
        yield return C(T, "heating_before", Text, "", "Heat generator", "heat generator in the start state", "the stock's heating attribute, else data/current_heating.csv by size class");
        yield return C(T, "heating_before_source", Text, "", "Heat-generator source", "`observed` (the stock states it) or `inferred` (current_heating.csv by size class)", "engine");
        foreach (EnvelopeElement e in Enum.GetValues<EnvelopeElement>())
        {
            yield return C(T, RenewalColumn(e), Integer, "year", RenewalTitle(e) + " (start state)", "renewal the start state was built from: 0 = as built, a year, −1 = renewed in a year not known; a renewed element has the type's usual-refurbishment U (TABULA variant 2), and a package does not renew it again within its lifetime", "the stock's renewal attributes, else data/renewal_shares.csv by size class and period");
        }

        yield return C(T, "renewal_source", Text, "", "Renewal-state source", "`observed` (the stock states it), `inferred` (drawn from the default shares by period) or `missing` (as built)", "engine");
        yield return C(T, "package", Text, "", "Renovation package", "package applied; empty if not renovated within the horizon", "the scenario's first matching rule");
        yield return C(T, "renovation_year", Integer, "year", "Renovation year", "year the package was applied; empty if not renovated within the horizon", "the scenario's uptake");
        yield return C(T, "heating_after", Text, "", "Heat generator", "heat generator at the end of the horizon", "the package, else unchanged");
        yield return C(T, "investment_eur", Number, "EUR", "Investment", "gross investment of the package", Costs, extensive: true);
        yield return C(T, "subsidy_eur", Number, "EUR", "Subsidy", "subsidy received (all programmes stacked, at most the investment)", "the scenario's subsidy programmes", extensive: true);
        yield return C(T, "net_investment_eur", Number, "EUR", "Net investment", "investment − subsidy", Costs, extensive: true);
        yield return C(T, "anyway_cost_eur", Number, "EUR", "Anyway cost", "part of the investment that is not energy-related (render, scaffolding of a façade due anyway; EN 15459-1), left out of NPV, paybacks and abatement costs", "data/unit_costs.csv energy-related shares (BMVBS 2012)", extensive: true);
        yield return C(T, "heat_need_before_kwh", Number, "kWh/a", "Heat need for space heating", "energy need for space heating in the start state", Balance, extensive: true);
        yield return C(T, "heat_need_after_kwh", Number, "kWh/a", "Heat need for space heating", "energy need for space heating at the end of the horizon", Balance, extensive: true);
        yield return C(T, "{carrier}_before_kwh", Number, "kWh/a", "Final energy: {carrier}", "final energy per carrier in the start state: gas, oil, coal, biomass, district_heat, electricity", Systems, extensive: true);
        yield return C(T, "{carrier}_after_kwh", Number, "kWh/a", "Final energy: {carrier}", "final energy per carrier at the end of the horizon", Systems, extensive: true);
        yield return C(T, "pv_generation_kwh", Number, "kWh/a", "PV generation", "PV output at the end of the horizon", "kWp × the measured specific yield of Polish rooftop systems, 990 kWh/kWp (data/unit_costs.csv)", extensive: true);
        yield return C(T, "consumption_factor_before", Number, "-", "Consumption calibration factor", "measured-consumption level / TABULA standard-use delivered energy for heating and hot water in the start state (the prebound effect); 1 = uncalibrated", "TABULA Tab.CalcAdapt by heat generator (data/consumption_calibration.csv), × the factor fitted to meter readings where given");
        yield return C(T, "consumption_factor_after", Number, "-", "Consumption calibration factor", "the same factor at the end of the horizon", "TABULA Tab.CalcAdapt by heat generator (data/consumption_calibration.csv)");
        yield return C(T, "heat_pump_scop", Number, "-", "Heat-pump seasonal COP", "heat delivered per kWh electricity (space heating + hot water), heat pumps only", "Staffell et al. 2012 COP on the climate's temperature lift");
        yield return C(T, "co2_{year}_kg", Number, "kg/a", "CO₂ emissions in {year}", "CO₂ in the start and end year (that year's emission factors; PV credited at the grid factor)", Factors, extensive: true);
        yield return C(T, "primary_energy_before_kwh_per_m2", Number, "kWh/(m²·a)", "Non-renewable primary energy (EP)", "EP for heating and hot water per m² heated floor in the start state: Σ final energy × w_i; PV used on site counts with w = 0, exported PV not at all", "Polish EPC methodology (Dz.U. 2015 poz. 376 as amended by Dz.U. 2023 poz. 697, zał. 1 tab. 1) w_i in data/carriers.csv; district heat: the network's supplier-published w_PC (data/district_heat_networks.csv)");
        yield return C(T, "primary_energy_after_kwh_per_m2", Number, "kWh/(m²·a)", "Non-renewable primary energy (EP)", "EP for heating and hot water per m² heated floor at the end of the horizon", "as primary_energy_before_kwh_per_m2");
        yield return C(T, "ep_limit_kwh_per_m2", Number, "kWh/(m²·a)", "EP limit of a new building", "the largest EP_H+W a new building of the size class may have (new-build standard); empty where no sourced limit (MFH, AB)", "WT 2021 § 329 (data/ep_limits.csv)");
        yield return C(T, "meets_ep_limit_after", Boolean, "", "Meets the new-build EP limit", "EP at the end of the horizon ≤ the limit; empty where there is none", "engine");
        yield return C(T, "class_before", Text, "", "Energy class", "energy class in the start state, at standard use as a certificate computes it (without the calibration to measured consumption)", "the energy-class scale: data/energy_classes.csv, by default the draft Polish A+–G scale on EP per m² (A < 63 single-/59 multi-family, G > 150/140); GEG 2020 on final energy in energy_classes_geg2020.csv");
        yield return C(T, "class_after", Text, "", "Energy class", "energy class at the end of the horizon (standard use)", "the energy-class scale (data/energy_classes.csv)");
        yield return C(T, "energy_cost_{year}_eur", Number, "EUR/a", "Energy cost in {year}", "energy cost in the start and end year", Prices, extensive: true);
        yield return C(T, "npv_eur", Number, "EUR", "Net present value of renovating", "NPV at the start year, the owner's view: discounted savings of energy, maintenance and replacement costs − net energy-related investment (after subsidy) + Δ residual value (straight line); empty if not renovated", "EN 15459-1:2017 §6 global cost difference with the scenario's discount rate", extensive: true);
        yield return C(T, "simple_payback_years", Number, "a", "Simple payback", "net energy-related investment (− subsidy) / first-year saving of energy and maintenance costs; empty if not renovated or no saving", "engine");
        yield return C(T, "discounted_payback_years", Number, "a", "Discounted payback", "years from the renovation until the discounted savings (energy, maintenance, replacements) repay the net energy-related investment; empty if not within the horizon", "EN 15459-1:2017 with the scenario's discount rate");
        yield return C(T, "lcce_eur_per_kwh", Number, "EUR/kWh", "Cost of conserved energy", "levelised cost of conserved energy: discounted resource cost (energy-related investment + Δ maintenance and replacements − Δ residual value; no subsidy) / discounted final energy saved", "engine, the scenario's discount rate");
        yield return C(T, "abatement_cost_eur_per_t", Number, "EUR/t", "CO₂ abatement cost", "levelised: (discounted resource cost − discounted energy-cost savings) / discounted tonnes of CO₂ avoided; negative = pays for itself", "engine, the scenario's discount rate");
    }

    private static IEnumerable<ColumnSpec> Years()
    {
        const OutputTable T = OutputTable.Years;
        yield return C(T, "year", Integer, "year", "Year", "year of the horizon", "the scenario's horizon");
        yield return C(T, "renovated", Integer, "", "Buildings renovated", "buildings renovated in that year", "the scenario's uptake");
        yield return C(T, "renovated_cumulative", Integer, "", "Buildings renovated so far", "buildings renovated up to and including that year", "the scenario's uptake");
        yield return C(T, "investment_eur", Number, "EUR", "Investment", "gross investment of the renovations of that year", Costs, extensive: true);
        yield return C(T, "subsidy_eur", Number, "EUR", "Subsidy", "subsidies paid for the renovations of that year", "the scenario's subsidy programmes", extensive: true);
        yield return C(T, "co2_kg", Number, "kg/a", "CO₂ emissions", "CO₂ of the simulated stock in that year", Factors, extensive: true);
        yield return C(T, "co2_no_renovation_kg", Number, "kg/a", "CO₂ emissions without renovation", "same stock and factors without any renovation (the counterfactual)", Factors, extensive: true);
        yield return C(T, "energy_cost_eur", Number, "EUR/a", "Energy cost", "energy cost of the simulated stock in that year", Prices, extensive: true);
        yield return C(T, "energy_cost_no_renovation_eur", Number, "EUR/a", "Energy cost without renovation", "same stock and prices without any renovation", Prices, extensive: true);
        yield return C(T, "anyway_eur", Number, "EUR", "Anyway cost", "not energy-related part of that year's investment", Costs, extensive: true);
        yield return C(T, "maintenance_eur", Number, "EUR/a", "Maintenance", "maintenance of heat generators, windows, ventilation and PV of the simulated stock", "shares of the investment per year (data/heating_systems.csv, data/unit_costs.csv)", extensive: true);
        yield return C(T, "maintenance_no_renovation_eur", Number, "EUR/a", "Maintenance without renovation", "the same for the stock without renovation", "as maintenance_eur", extensive: true);
        yield return C(T, "replacement_eur", Number, "EUR", "Replacements", "reinvestment in components at the end of their life (existing heat generators first due half-way through their life: an assumption)", "lifetimes in data/heating_systems.csv and data/unit_costs.csv", extensive: true);
        yield return C(T, "replacement_no_renovation_eur", Number, "EUR", "Replacements without renovation", "the same for the stock without renovation", "as replacement_eur", extensive: true);
        yield return C(T, "residual_value_eur", Number, "EUR", "Residual value", "straight-line value at the end of the horizon of all components (envelope and windows by their energy-related part; last year only, 0 before)", "EN 15459-1:2017 §6", extensive: true);
        yield return C(T, "residual_value_no_renovation_eur", Number, "EUR", "Residual value without renovation", "the same for the stock without renovation", "EN 15459-1:2017 §6", extensive: true);
        yield return C(T, "{carrier}_kwh", Number, "kWh/a", "Final energy: {carrier}", "final energy per carrier in that year", Systems, extensive: true);
    }

    private static IEnumerable<ColumnSpec> Neighbourhoods()
    {
        const OutputTable T = OutputTable.Neighbourhoods;
        yield return C(T, "neighbourhood", Text, "", "Neighbourhood", "neighbourhood name; `(none)` for buildings outside all neighbourhoods", "the neighbourhood polygons");
        yield return C(T, "buildings_simulated", Integer, "", "Buildings simulated", "simulated buildings in the neighbourhood", "engine");
        yield return C(T, "buildings_renovated", Integer, "", "Buildings renovated", "buildings renovated within the horizon", "the scenario's uptake");
        yield return C(T, "heated_floor_area_m2", Number, "m²", "Heated floor area", "heated floor area of the simulated buildings", FromStock, extensive: true);
        yield return C(T, "investment_eur", Number, "EUR", "Investment", "gross investment over the horizon", Costs, extensive: true);
        yield return C(T, "subsidy_eur", Number, "EUR", "Subsidy", "subsidies over the horizon", "the scenario's subsidy programmes", extensive: true);
        yield return C(T, "co2_{year}_kg", Number, "kg/a", "CO₂ emissions in {year}", "CO₂ of the simulated buildings in the start and end year", Factors, extensive: true);
    }

    private static IEnumerable<ColumnSpec> Rejects()
    {
        const OutputTable T = OutputTable.Rejects;
        yield return C(T, "source_row", Integer, "", "Source row", "0-based row of the feature in its source file", "input");
        yield return C(T, "building_id", Text, "", "Building id", "the feature's id, where it had one", "input");
        yield return C(T, "reason_code", Text, "", "Reason code", "machine-readable reason (Twin.Core.Validation.IssueCodes)", "loader");
        yield return C(T, "reason", Text, "", "Reason", "why the feature was rejected", "loader");
    }

    private static IEnumerable<ColumnSpec> Issues()
    {
        const OutputTable T = OutputTable.Issues;
        yield return C(T, "file", Text, "", "File", "the input file", "loader");
        yield return C(T, "feature_id", Text, "", "Feature", "the feature's id (empty for file-level issues)", "loader");
        yield return C(T, "field", Text, "", "Field", "attribute, column or JSON path", "loader");
        yield return C(T, "value", Text, "", "Value", "the value found", "input");
        yield return C(T, "unit", Text, "", "Unit", "unit of the value", "loader");
        yield return C(T, "outcome", Text, "", "Outcome", "`Warning`, `Repaired`, `Inferred`, `Rejected` or `Fatal`", "loader");
        yield return C(T, "code", Text, "", "Code", "machine-readable issue code (Twin.Core.Validation.IssueCodes)", "loader");
        yield return C(T, "message", Text, "", "Message", "what is wrong", "loader");
        yield return C(T, "hint", Text, "", "Hint", "what to do about it", "loader");
    }
}
