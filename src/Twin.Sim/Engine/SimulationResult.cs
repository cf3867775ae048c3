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
    public required Scenario Scenario { get; init; }

    public required IReadOnlyList<string> CarrierNames { get; init; }

    // ---- per building ----
    public required bool[] Simulated { get; init; }

    public required string?[] NotSimulatedReason { get; init; }

    public required string?[] Package { get; init; }

    /// <summary>Year the package was applied; 0 = not renovated within the horizon.</summary>
    public required int[] RenovationYear { get; init; }

    public required string[] HeatingBefore { get; init; }

    public required string[] HeatingAfter { get; init; }

    public required double[] InvestmentEur { get; init; }

    public required double[] SubsidyEur { get; init; }

    public required double[] HeatNeedBeforeKWh { get; init; }

    public required double[] HeatNeedAfterKWh { get; init; }

    /// <summary>[carrier][building] final energy in the start state.</summary>
    public required double[][] FinalBeforeKWh { get; init; }

    /// <summary>[carrier][building] final energy in the state at the end of the horizon.</summary>
    public required double[][] FinalAfterKWh { get; init; }

    public required double[] PvAfterKWh { get; init; }

    public required double[] SeasonalCopAfter { get; init; }

    public required double[] Co2StartYearKg { get; init; }

    public required double[] Co2EndYearKg { get; init; }

    public required double[] PrimaryBeforeKWhPerM2 { get; init; }

    public required double[] PrimaryAfterKWhPerM2 { get; init; }

    public required string?[] ClassBefore { get; init; }

    public required string?[] ClassAfter { get; init; }

    public required double[] EnergyCostStartYearEur { get; init; }

    public required double[] EnergyCostEndYearEur { get; init; }

    /// <summary>NPV at the start year of renovating (savings − net investment + residual value); NaN if not renovated.</summary>
    public required double[] NpvEur { get; init; }

    /// <summary>Net investment / first-year energy-cost saving [a]; NaN if not renovated or no saving.</summary>
    public required double[] SimplePaybackYears { get; init; }

    // ---- per year ----
    public required int[] Years { get; init; }

    public required double[] Co2Kg { get; init; }

    /// <summary>CO₂ of the same stock without any renovation (same emission factors): the counterfactual.</summary>
    public required double[] Co2BaselineKg { get; init; }

    public required double[][] FinalEnergyKWhByYear { get; init; }

    public required double[] InvestmentEurByYear { get; init; }

    public required double[] SubsidyEurByYear { get; init; }

    public required int[] RenovatedByYear { get; init; }

    public required double[] EnergyCostEurByYear { get; init; }

    /// <summary>Energy cost of the same stock without any renovation (same prices).</summary>
    public required double[] EnergyCostBaselineEurByYear { get; init; }

    public int BuildingCount => Simulated.Length;

    public int RenovatedTotal => RenovatedByYear.Sum();
}
