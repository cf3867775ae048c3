using Twin.Core.Stock;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Engine;

/// <summary>One package evaluated for one building (money in EUR, energy kWh/a, CO₂ kg/a in the start year).</summary>
public sealed record Advice(
    string Package,
    string Description,
    double InvestmentEur,
    double SubsidyEur,
    double NetInvestmentEur,
    double AnnualSavingsEur,
    double SimplePaybackYears,
    double NpvEur,
    double Co2BeforeKg,
    double Co2AfterKg,
    string ClassBefore,
    string ClassAfter,
    [property: System.Text.Json.Serialization.JsonPropertyName("heat_need_before_kwh")] double HeatNeedBeforeKWh,
    [property: System.Text.Json.Serialization.JsonPropertyName("heat_need_after_kwh")] double HeatNeedAfterKWh,
    string HeatingAfter)
{
    /// <summary>CO₂ cut in the start year [kg/a].</summary>
    public double Co2CutKg => Co2BeforeKg - Co2AfterKg;
}

/// <summary>
/// The one-stop-shop advisor: every package of an advisor scenario applied to one building in the start year,
/// with that scenario's prices, emission factors and subsidies, ranked by NPV (best first).
/// </summary>
public static class Advisor
{
    /// <summary>Every applicable package of <paramref name="advisorScenario"/> applied to <paramref name="oneBuilding"/> in the start year, best NPV first.</summary>
    public static IReadOnlyList<Advice> Advise(BuildingStock oneBuilding, SimulationData data, Scenario advisorScenario)
    {
        if (oneBuilding.Count != 1)
        {
            throw new ArgumentException($"The advisor takes exactly one building, not {oneBuilding.Count}.", nameof(oneBuilding));
        }

        var result = new List<Advice>();
        var options = new SimulationOptions { MaxDegreeOfParallelism = 1 };
        foreach (RenovationPackage p in advisorScenario.Packages)
        {
            Scenario one = advisorScenario with
            {
                Packages = [p],
                Rules = [new EligibilityRule { Package = p.Id }],
                Uptake = new Uptake { RatePerYear = 1.0, Order = UptakeOrder.WorstFirst },
            };
            SimulationResult r = Simulator.Run(oneBuilding, data, one, options);
            if (!r.Simulated[0])
            {
                throw Twin.Core.Validation.InputException.Fatal(oneBuilding.Ids[0], "building", null, $"cannot be simulated: {r.NotSimulatedReason[0]}", "Advise a residential building with a TABULA typology and a heated floor area.");
            }

            if (r.RenovationYear[0] == 0)
            {
                continue; // package not applicable (e.g. no TABULA variant for this type)
            }

            double investment = r.InvestmentEur[0], subsidy = r.SubsidyEur[0];
            double savings = r.EnergyCostBaselineEurByYear[0] - r.EnergyCostEurByYear[0];
            result.Add(new Advice(p.Id, p.Description, investment, subsidy, investment - subsidy, savings, r.SimplePaybackYears[0], r.NpvEur[0],
                r.Co2BaselineKg[0], r.Co2Kg[0], r.ClassBefore[0] ?? "?", r.ClassAfter[0] ?? "?", r.HeatNeedBeforeKWh[0], r.HeatNeedAfterKWh[0], r.HeatingAfter[0]));
        }

        return result.OrderByDescending(a => a.NpvEur).ThenBy(a => a.Package, StringComparer.Ordinal).ToList();
    }
}
