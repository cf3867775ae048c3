using System.Text.Json.Serialization;

namespace Twin.Sim.Scenarios;

/// <summary>
/// A renovation scenario: data, not code (versioned JSON, <see cref="ScenarioJson"/>; schema in
/// data/samples/scenarios/scenario.schema.json). Units are in member names; money in EUR, energy in kWh,
/// emissions in kg CO₂.
/// </summary>
public sealed record Scenario
{
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

    public required Horizon Horizon { get; init; }

    /// <summary>Seed of the random uptake order (and of Monte Carlo draws); same seed → same result.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Real discount rate for NPV [-/a].</summary>
    public double DiscountRate { get; init; } = 0.03;

    public IReadOnlyList<RenovationPackage> Packages { get; init; } = [];

    /// <summary>Which buildings get which package: the first matching rule wins.</summary>
    public IReadOnlyList<EligibilityRule> Rules { get; init; } = [];

    public Uptake Uptake { get; init; } = new();

    /// <summary>Energy prices by carrier name (gas, oil, coal, biomass, districtHeat, electricity, pvExport) [EUR/kWh] by year.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> PricesEurPerKWh { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, double>>();

    /// <summary>Emission factors by carrier [kg CO₂/kWh] by year; carriers not given keep the defaults.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> EmissionFactorsKgPerKWh { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, double>>();

    public IReadOnlyList<SubsidyProgramme> Subsidies { get; init; } = [];
}

public sealed record Horizon(int StartYear, int EndYear)
{
    public int Years => EndYear - StartYear + 1;
}

/// <summary>Envelope target of a package: a TABULA variant of the building's type, or explicit U-values.</summary>
public sealed record EnvelopeTarget
{
    /// <summary>"usual" or "advanced": the TABULA refurbishment variant of the building's own type.</summary>
    public string? Variant { get; init; }

    public double? WallUWPerM2K { get; init; }

    public double? RoofUWPerM2K { get; init; }

    public double? FloorUWPerM2K { get; init; }

    public double? WindowUWPerM2K { get; init; }

    public double? WindowG { get; init; }

    /// <summary>Insulation added to the walls [cm]; U_new = 1/(1/U + d/λ) with λ from the unit-cost table.</summary>
    public double? WallInsulationCm { get; init; }

    public double? RoofInsulationCm { get; init; }

    public double? FloorInsulationCm { get; init; }
}

public sealed record RenovationPackage
{
    public required string Id { get; init; }

    public string Description { get; init; } = string.Empty;

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
    public required string Package { get; init; }

    public IReadOnlyList<string> SizeClasses { get; init; } = [];

    public IReadOnlyList<string> Typologies { get; init; } = [];

    public int? BuiltFrom { get; init; }

    public int? BuiltTo { get; init; }

    public IReadOnlyList<string> CurrentHeating { get; init; } = [];

    public IReadOnlyList<string> Neighbourhoods { get; init; } = [];

    /// <summary>Energy classes before renovation (e.g. "F", "G", "H").</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<UptakeOrder>))]
public enum UptakeOrder
{
    WorstFirst,
    Random,
}

public sealed record Uptake
{
    /// <summary>Share of the eligible buildings renovated per year [-/a].</summary>
    public double RatePerYear { get; init; }

    public UptakeOrder Order { get; init; } = UptakeOrder.WorstFirst;

    /// <summary>Cap on the gross investment per year [EUR]; null = no cap.</summary>
    public double? AnnualBudgetEur { get; init; }
}

public sealed record SubsidyProgramme
{
    public required string Name { get; init; }

    /// <summary>Share of the investment paid by the programme [-].</summary>
    public double Share { get; init; }

    public double? CapPerBuildingEur { get; init; }

    /// <summary>Cap per m² of heated floor area [EUR/m²].</summary>
    public double? CapPerM2Eur { get; init; }

    /// <summary>Packages the programme funds; empty = all.</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    public IReadOnlyList<string> SizeClasses { get; init; } = [];

    public int? FromYear { get; init; }

    public int? ToYear { get; init; }
}
