using System.Text.Json.Serialization;

namespace Twin.Sim.Scenarios;

/// <summary>
/// A renovation scenario: data, not code (versioned JSON, <see cref="ScenarioJson"/>; schema in
/// data/samples/scenarios/scenario.schema.json). Units are in member names; money in EUR, energy in kWh,
/// emissions in kg CO₂.
/// </summary>
public sealed record Scenario
{
    /// <summary>Layout version of the scenario file (1).</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Short machine name (a file-name-safe slug): names the output folder of the scenario's run.</summary>
    public required string Name { get; init; }

    /// <summary>Human title for tables, charts and legends, e.g. "Business as usual"; null = <see cref="Name"/>.</summary>
    public string? Title { get; init; }

    /// <summary>One or two sentences on what the scenario assumes.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The title to show: <see cref="Title"/>, else <see cref="Name"/>.</summary>
    [JsonIgnore]
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? Name : Title;

    /// <summary>First and last year of the pathway.</summary>
    public required Horizon Horizon { get; init; }

    /// <summary>Seed of the random uptake order (and of Monte Carlo draws); same seed → same result.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Real discount rate for NPV [-/a].</summary>
    public double DiscountRate { get; init; } = 0.03;

    /// <summary>The packages of measures rules can assign.</summary>
    public IReadOnlyList<RenovationPackage> Packages { get; init; } = [];

    /// <summary>Which buildings get which package: the first matching rule wins.</summary>
    public IReadOnlyList<EligibilityRule> Rules { get; init; } = [];

    /// <summary>How many eligible buildings are renovated each year, in which order.</summary>
    public Uptake Uptake { get; init; } = new();

    /// <summary>Energy prices by carrier name (gas, oil, coal, biomass, districtHeat, electricity, pvExport) [EUR/kWh] by year.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> PricesEurPerKWh { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, double>>();

    /// <summary>Emission factors by carrier [kg CO₂/kWh] by year; carriers not given keep the defaults.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> EmissionFactorsKgPerKWh { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, double>>();

    /// <summary>Subsidy programmes; a building gets every programme it is eligible for, in total at most its investment.</summary>
    public IReadOnlyList<SubsidyProgramme> Subsidies { get; init; } = [];
}

/// <summary>The years of a pathway.</summary>
/// <param name="StartYear">First year (the state the stock is taken in).</param>
/// <param name="EndYear">Last year, included.</param>
public sealed record Horizon(int StartYear, int EndYear)
{
    /// <summary>Number of years, both ends included.</summary>
    [JsonIgnore]
    public int Years => EndYear - StartYear + 1;
}

/// <summary>Envelope target of a package: a TABULA variant of the building's type, or explicit U-values.</summary>
public sealed record EnvelopeTarget
{
    /// <summary>"usual" or "advanced": the TABULA refurbishment variant of the building's own type.</summary>
    public string? Variant { get; init; }

    /// <summary>Target U-value of the walls [W/(m²K)]; only improves.</summary>
    public double? WallUWPerM2K { get; init; }

    /// <summary>Target U-value of the roof [W/(m²K)].</summary>
    public double? RoofUWPerM2K { get; init; }

    /// <summary>Target U-value of the ground floor [W/(m²K)].</summary>
    public double? FloorUWPerM2K { get; init; }

    /// <summary>Target U-value of the windows [W/(m²K)] (≤ 1.0: triple glazing).</summary>
    public double? WindowUWPerM2K { get; init; }

    /// <summary>g-value of new windows [-].</summary>
    public double? WindowG { get; init; }

    /// <summary>Insulation added to the walls [cm]; U_new = 1/(1/U + d/λ) with λ from the unit-cost table.</summary>
    public double? WallInsulationCm { get; init; }

    /// <summary>Insulation added to the roof [cm].</summary>
    public double? RoofInsulationCm { get; init; }

    /// <summary>Insulation added to the ground floor [cm].</summary>
    public double? FloorInsulationCm { get; init; }
}

/// <summary>A package of measures applied together: envelope, ventilation with heat recovery, heat generator, PV.</summary>
public sealed record RenovationPackage
{
    /// <summary>Package id, unique in the scenario.</summary>
    public required string Id { get; init; }

    /// <summary>What the package does, in words.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Envelope target; null = envelope unchanged.</summary>
    public EnvelopeTarget? Envelope { get; init; }

    /// <summary>New heat generator (kebab-case name, e.g. "air-heat-pump", "district-heat"), or null to keep the current one.</summary>
    public string? Heating { get; init; }

    /// <summary>Mechanical ventilation with heat recovery: efficiency η_hr [-], 0 = none.</summary>
    public double VentilationHeatRecovery { get; init; }

    /// <summary>Share of the roof covered by PV [-], 0 = none.</summary>
    public double PvRoofShare { get; init; }
}

/// <summary>Conditions a building must meet (all given ones) to get <see cref="Package"/>. Empty lists mean "any".</summary>
public sealed record EligibilityRule
{
    /// <summary>Id of the package the rule assigns.</summary>
    public required string Package { get; init; }

    /// <summary>TABULA size classes (SFH, TH, MFH, AB).</summary>
    public IReadOnlyList<string> SizeClasses { get; init; } = [];

    /// <summary>TABULA code prefixes, e.g. "PL.N.MFH".</summary>
    public IReadOnlyList<string> Typologies { get; init; } = [];

    /// <summary>Built in or after this year.</summary>
    public int? BuiltFrom { get; init; }

    /// <summary>Built in or before this year.</summary>
    public int? BuiltTo { get; init; }

    /// <summary>Current heat generators (kebab-case).</summary>
    public IReadOnlyList<string> CurrentHeating { get; init; } = [];

    /// <summary>Neighbourhood names.</summary>
    public IReadOnlyList<string> Neighbourhoods { get; init; } = [];

    /// <summary>Energy classes before renovation (e.g. "F", "G", "H").</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];
}

/// <summary>The order in which eligible buildings are renovated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UptakeOrder>))]
public enum UptakeOrder
{
    /// <summary>Highest final energy per m² first (ties by id).</summary>
    WorstFirst,
    /// <summary>A random order from the scenario's seed (stable hash of seed and id).</summary>
    Random,
}

/// <summary>The renovation rate, order and budget.</summary>
public sealed record Uptake
{
    /// <summary>Share of the eligible buildings renovated per year [-/a].</summary>
    public double RatePerYear { get; init; }

    /// <summary>Which eligible buildings go first.</summary>
    public UptakeOrder Order { get; init; } = UptakeOrder.WorstFirst;

    /// <summary>Cap on the gross investment per year [EUR]; null = no cap.</summary>
    public double? AnnualBudgetEur { get; init; }
}

/// <summary>How a programme pays.</summary>
public enum SubsidyKind
{
    /// <summary>A grant: a share of the investment, capped per building and per m².</summary>
    Grant,

    /// <summary>
    /// A tax relief: the investment less the grants received may be deducted from taxable income, up to a cap per taxpayer; the
    /// owner gains the deduction × the marginal income-tax rate (e.g. the Polish ulga termomodernizacyjna).
    /// </summary>
    TaxRelief,
}

/// <summary>
/// A support programme for some packages, size classes and years: a grant (share of the investment, capped) or a tax relief
/// (deduction up to a cap per taxpayer × tax rate), with its source and edition; illustrative programmes say so.
/// </summary>
public sealed record SubsidyProgramme
{
    /// <summary>Programme name.</summary>
    public required string Name { get; init; }

    /// <summary>Grant (default) or tax relief.</summary>
    public SubsidyKind Kind { get; init; } = SubsidyKind.Grant;

    /// <summary>Where the rules come from (act, programme document, edition).</summary>
    public string? Source { get; init; }

    /// <summary>The edition or date of the rules.</summary>
    public string? Edition { get; init; }

    /// <summary>True for parameters that are not the rules of a real programme; reports label them.</summary>
    public bool Illustrative { get; init; }

    /// <summary>Tax relief: the deduction allowed per taxpayer [EUR].</summary>
    public double? CapPerTaxpayerEur { get; init; }

    /// <summary>Tax relief: taxpayers who each may deduct up to the cap (e.g. both spouses owning the house).</summary>
    public int Taxpayers { get; init; } = 1;

    /// <summary>Tax relief: the owners' marginal income-tax rate [-].</summary>
    public double TaxRate { get; init; }

    /// <summary>Grant: share of the investment paid by the programme [-].</summary>
    public double Share { get; init; }

    /// <summary>Cap per building [EUR].</summary>
    public double? CapPerBuildingEur { get; init; }

    /// <summary>Cap per m² of heated floor area [EUR/m²].</summary>
    public double? CapPerM2Eur { get; init; }

    /// <summary>Packages the programme funds; empty = all.</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary>Size classes the programme funds; empty = all.</summary>
    public IReadOnlyList<string> SizeClasses { get; init; } = [];

    /// <summary>First year of the programme; null = from the start.</summary>
    public int? FromYear { get; init; }

    /// <summary>Last year of the programme; null = to the end.</summary>
    public int? ToYear { get; init; }

    /// <summary>Grant: share of the eligible cost by the owners' income tier (Czyste Powietrze: basic 0.4, increased 0.7, highest 1.0); empty = <see cref="Share"/>.</summary>
    public IReadOnlyDictionary<string, double> ShareByTier { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Grant: cap per building by income tier [EUR].</summary>
    public IReadOnlyDictionary<string, double> CapByTierEur { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The owners' income tier, a key of <see cref="ShareByTier"/>; the advisor's --income-tier sets it.</summary>
    public string? Tier { get; init; }

    /// <summary>
    /// Eligible items with the most of each item's cost the programme counts [EUR] (null = all of it): <c>insulation-per-m2</c>
    /// (per m² of insulated wall, roof and floor), <c>windows-per-m2</c> (per m² of window), <c>ventilation</c>, <c>pv</c>, and heat
    /// generators by name (<c>air-heat-pump</c>, <c>district-heat</c>, …). Empty: the whole investment is eligible; otherwise only
    /// the listed items are.
    /// </summary>
    public IReadOnlyDictionary<string, double?> ItemCapsEur { get; init; } = new Dictionary<string, double?>(StringComparer.Ordinal);

    /// <summary>Grant: the share instead of <see cref="Share"/> when the package also installs PV of at least the minimum size (premia termomodernizacyjna: 21 %).</summary>
    public double? ShareWithPv { get; init; }

    /// <summary>The smallest PV that earns <see cref="ShareWithPv"/> on single-family houses (SFH, TH) [kWp].</summary>
    public double PvMinKwpSingleFamily { get; init; }

    /// <summary>The smallest PV that earns <see cref="ShareWithPv"/> on other buildings [kWp].</summary>
    public double PvMinKwpOther { get; init; }

    /// <summary>The least reduction of the building's energy demand (standard-use final energy) the programme requires [-]; null = none.</summary>
    public double? MinSavingsShare { get; init; }

    /// <summary>As <see cref="MinSavingsShare"/> for a package that only changes the heating system.</summary>
    public double? MinSavingsShareHeatingOnly { get; init; }

    /// <summary>No solid-fuel (coal) boiler may remain after the renovation (Czyste Powietrze's replacement condition).</summary>
    public bool NoSolidFuelAfter { get; init; }

    /// <summary>PV is funded only together with an energy storage (Mój Prąd 6.0 from 2024-08-01); the engine models none, so PV earns nothing.</summary>
    public bool RequiresStorage { get; init; }

    /// <summary>The data-folder rule file this programme was read from (scenarios write <c>{ "rules": "id" }</c>), null when written inline.</summary>
    public string? Rules { get; init; }
}
