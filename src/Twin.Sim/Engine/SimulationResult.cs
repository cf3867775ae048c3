using Twin.Core.Stock;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Engine;

/// <summary>
/// Results of one scenario run, as columns. Per building (index = stock index; buildings that are not
/// simulated have <see cref="Simulated"/> false and a <see cref="NotSimulatedReason"/>), per year of the
/// horizon, and per neighbourhood. Money in EUR (undiscounted unless named NPV), energy in kWh/a,
/// emissions in kg CO₂/a.
/// </summary>
public sealed class SimulationResult
{
    /// <summary>The scenario that was run.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Carrier names (camelCase) in the order of the per-carrier arrays.</summary>
    public required IReadOnlyList<string> CarrierNames { get; init; }

    // ---- per building ----
    /// <summary>True for buildings that were simulated.</summary>
    public required bool[] Simulated { get; init; }

    /// <summary>Why a building was not simulated; null for simulated ones.</summary>
    public required string?[] NotSimulatedReason { get; init; }

    /// <summary>Id of the package applied; null if not renovated within the horizon.</summary>
    public required string?[] Package { get; init; }

    /// <summary>Year the package was applied; 0 = not renovated within the horizon.</summary>
    public required int[] RenovationYear { get; init; }

    /// <summary>Heat generator in the start state (kebab-case; empty if not simulated).</summary>
    public required string[] HeatingBefore { get; init; }

    /// <summary>Where <see cref="HeatingBefore"/> came from: observed (the stock states it) or inferred (the size class's default).</summary>
    public required AttributeSource[] HeatingBeforeSource { get; init; }

    /// <summary>
    /// [<see cref="EnvelopeElement"/>][building] the renewal state the start state was built from: 0 = as built, a year, or
    /// <see cref="BuildingStock.RenewedYearUnknown"/> (renewed, year not known); see <see cref="RenewalSourceBefore"/>.
    /// </summary>
    public required int[][] RenewedYearBefore { get; init; }

    /// <summary>Where <see cref="RenewedYearBefore"/> came from: observed, inferred (default shares by period) or missing (as built).</summary>
    public required AttributeSource[] RenewalSourceBefore { get; init; }

    /// <summary>Per renovated building, what each support programme gives and why (only with <see cref="SimulationOptions.KeepSubsidyLines"/>; else null).</summary>
    public IReadOnlyList<Economics.SubsidyLine>?[]? SubsidyLines { get; init; }

    /// <summary>Heat generator at the end of the horizon.</summary>
    public required string[] HeatingAfter { get; init; }

    /// <summary>Gross investment of the package [EUR] (0 if not renovated).</summary>
    public required double[] InvestmentEur { get; init; }

    /// <summary>Subsidy received [EUR].</summary>
    public required double[] SubsidyEur { get; init; }

    /// <summary>Energy need for space heating in the start state [kWh/a].</summary>
    public required double[] HeatNeedBeforeKWh { get; init; }

    /// <summary>Energy need for space heating at the end of the horizon [kWh/a].</summary>
    public required double[] HeatNeedAfterKWh { get; init; }

    /// <summary>[carrier][building] final energy in the start state.</summary>
    public required double[][] FinalBeforeKWh { get; init; }

    /// <summary>[carrier][building] final energy in the state at the end of the horizon.</summary>
    public required double[][] FinalAfterKWh { get; init; }

    /// <summary>PV generation at the end of the horizon [kWh/a].</summary>
    public required double[] PvAfterKWh { get; init; }

    /// <summary>Seasonal COP of a heat pump at the end of the horizon; NaN for other generators.</summary>
    public required double[] SeasonalCopAfter { get; init; }

    /// <summary>Factor from calculated to measured-level delivered energy for heating and hot water in the start state (1 = standard use; NaN if not simulated).</summary>
    public required double[] ConsumptionFactorBefore { get; init; }

    /// <summary>The same factor in the state at the end of the horizon.</summary>
    public required double[] ConsumptionFactorAfter { get; init; }

    /// <summary>The value the energy class is read from in the start state [kWh/(m²a)]: EP or final energy per m² by the scale's basis, at standard use (as a certificate, uncalibrated).</summary>
    public required double[] ClassBasisBeforeKWhPerM2 { get; init; }

    /// <summary>The same at the end of the horizon.</summary>
    public required double[] ClassBasisAfterKWhPerM2 { get; init; }

    /// <summary>CO₂ in the start year [kg/a].</summary>
    public required double[] Co2StartYearKg { get; init; }

    /// <summary>CO₂ in the end year [kg/a].</summary>
    public required double[] Co2EndYearKg { get; init; }

    /// <summary>Non-renewable primary energy per m² in the start state [kWh/(m²a)].</summary>
    public required double[] PrimaryBeforeKWhPerM2 { get; init; }

    /// <summary>Non-renewable primary energy per m² at the end of the horizon [kWh/(m²a)].</summary>
    public required double[] PrimaryAfterKWhPerM2 { get; init; }

    /// <summary>Energy class in the start state.</summary>
    public required string?[] ClassBefore { get; init; }

    /// <summary>Energy class at the end of the horizon.</summary>
    public required string?[] ClassAfter { get; init; }

    /// <summary>Energy cost in the start year [EUR/a].</summary>
    public required double[] EnergyCostStartYearEur { get; init; }

    /// <summary>Energy cost in the end year [EUR/a].</summary>
    public required double[] EnergyCostEndYearEur { get; init; }

    /// <summary>NPV at the start year of renovating (savings − net investment + residual value); NaN if not renovated.</summary>
    public required double[] NpvEur { get; init; }

    /// <summary>Simple payback [a]: net energy-related investment (− subsidy) / first-year saving of energy and maintenance costs; 0 when subsidies cover the energy-related part, NaN if not renovated or no saving.</summary>
    public required double[] SimplePaybackYears { get; init; }

    /// <summary>Years from the renovation until the discounted savings (energy, maintenance, replacements) repay the net energy-related investment; NaN if not within the horizon.</summary>
    public required double[] DiscountedPaybackYears { get; init; }

    /// <summary>Levelised cost of conserved energy [EUR/kWh]: discounted resource cost (energy-related investment, Δ maintenance and replacements, − Δ residual value; no subsidy) / discounted final energy saved; NaN if none is saved.</summary>
    public required double[] LcceEurPerKWh { get; init; }

    /// <summary>Levelised abatement cost [EUR/t CO₂]: (discounted resource cost − discounted energy-cost savings) / discounted tonnes avoided; NaN if none are avoided.</summary>
    public required double[] AbatementCostEurPerTonne { get; init; }

    /// <summary>The part of each building's investment that is not energy-related ("anyway" cost, EN 15459-1) [EUR].</summary>
    public required double[] AnywayEur { get; init; }

    // ---- per year ----
    /// <summary>The years of the horizon.</summary>
    public required int[] Years { get; init; }

    /// <summary>CO₂ of the simulated stock per year [kg/a].</summary>
    public required double[] Co2Kg { get; init; }

    /// <summary>CO₂ of the same stock without any renovation (same emission factors): the counterfactual.</summary>
    public required double[] Co2BaselineKg { get; init; }

    /// <summary>[carrier][year] final energy of the stock [kWh/a].</summary>
    public required double[][] FinalEnergyKWhByYear { get; init; }

    /// <summary>Investment of the renovations of each year [EUR].</summary>
    public required double[] InvestmentEurByYear { get; init; }

    /// <summary>Subsidies paid each year [EUR].</summary>
    public required double[] SubsidyEurByYear { get; init; }

    /// <summary>Buildings renovated each year.</summary>
    public required int[] RenovatedByYear { get; init; }

    /// <summary>Energy cost of the stock per year [EUR/a].</summary>
    public required double[] EnergyCostEurByYear { get; init; }

    /// <summary>Energy cost of the same stock without any renovation (same prices).</summary>
    public required double[] EnergyCostBaselineEurByYear { get; init; }

    /// <summary>Number of buildings (simulated or not).</summary>
    public int BuildingCount => Simulated.Length;

    /// <summary>Buildings renovated within the horizon.</summary>
    public int RenovatedTotal => RenovatedByYear.Sum();

    /// <summary>Anyway (not energy-related) part of the investment per year [EUR].</summary>
    public required double[] AnywayEurByYear { get; init; }

    /// <summary>Maintenance of heat generators, windows, ventilation and PV per year [EUR/a].</summary>
    public required double[] MaintenanceEurByYear { get; init; }

    /// <summary>The same for the stock without renovation [EUR/a].</summary>
    public required double[] MaintenanceBaselineEurByYear { get; init; }

    /// <summary>Replacements of components at the end of their life per year [EUR] (existing heat generators first due half-way through their life, an assumption).</summary>
    public required double[] ReplacementEurByYear { get; init; }

    /// <summary>The same for the stock without renovation [EUR].</summary>
    public required double[] ReplacementBaselineEurByYear { get; init; }

    /// <summary>Straight-line residual value of all components at the end of the horizon [EUR].</summary>
    public required double ResidualValueEur { get; init; }

    /// <summary>The same for the stock without renovation [EUR].</summary>
    public required double ResidualValueBaselineEur { get; init; }
}
