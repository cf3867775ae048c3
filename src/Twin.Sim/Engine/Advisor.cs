using Twin.Core.Stock;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Sim.Engine;

/// <summary>
/// One package evaluated for one building (money in EUR, energy kWh/a, CO₂ kg/a in the start year). The simple payback is
/// (<see cref="NetInvestmentEur"/> − <see cref="AnywayEur"/>) / <see cref="AnnualSavingsEur"/> (energy and maintenance).
/// </summary>
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
    /// <summary>Non-renewable primary energy EP before [kWh/(m²a)] (Polish EPC factors w_i).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("primary_before_kwh_per_m2")]
    public double PrimaryBeforeKWhPerM2 { get; init; }

    /// <summary>EP after the package [kWh/(m²a)].</summary>
    [System.Text.Json.Serialization.JsonPropertyName("primary_after_kwh_per_m2")]
    public double PrimaryAfterKWhPerM2 { get; init; }

    /// <summary>The value the class scale reads before [kWh/(m²a)]: EP or final energy per m² at standard use (as a certificate).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("class_value_before_kwh_per_m2")]
    public double ClassValueBeforeKWhPerM2 { get; init; }

    /// <summary>The same after the package [kWh/(m²a)].</summary>
    [System.Text.Json.Serialization.JsonPropertyName("class_value_after_kwh_per_m2")]
    public double ClassValueAfterKWhPerM2 { get; init; }

    /// <summary>Years until the discounted savings (energy, maintenance, avoided replacements of the old generator) repay the net energy-related cost; NaN if not within the horizon.</summary>
    public double DiscountedPaybackYears { get; init; }

    /// <summary>The part of the investment that is not energy-related (the anyway cost of façade and roof works): left out of paybacks and NPV [EUR].</summary>
    public double AnywayEur { get; init; }

    /// <summary>The subsidy by programme: each programme's amount and how it follows, or why it does not apply.</summary>
    public IReadOnlyList<Economics.SubsidyLine> Subsidies { get; init; } = [];

    /// <summary>CO₂ cut in the start year [kg/a].</summary>
    public double Co2CutKg => Co2BeforeKg - Co2AfterKg;
}

/// <summary>A package the advisor does not offer for the building, and why (e.g. it keeps a banned boiler).</summary>
public sealed record NotOffered(string Package, string Description, string Reason);

/// <summary>
/// The one-stop-shop advisor: every package of an advisor scenario applied to one building in the start year,
/// with that scenario's prices, emission factors and subsidies, ranked by NPV (best first).
/// </summary>
public static class Advisor
{
    /// <summary>Every applicable package of <paramref name="advisorScenario"/> applied to <paramref name="oneBuilding"/> in the start year, best NPV first.</summary>
    public static IReadOnlyList<Advice> Advise(BuildingStock oneBuilding, SimulationData data, Scenario advisorScenario) => Advise(oneBuilding, data, advisorScenario, out _);

    /// <summary>As <see cref="Advise(BuildingStock, SimulationData, Scenario)"/>, with the packages not offered and why.</summary>
    public static IReadOnlyList<Advice> Advise(BuildingStock oneBuilding, SimulationData data, Scenario advisorScenario, out IReadOnlyList<NotOffered> notOffered)
    {
        if (oneBuilding.Count != 1)
        {
            throw new ArgumentException($"The advisor takes exactly one building, not {oneBuilding.Count}.", nameof(oneBuilding));
        }

        var result = new List<Advice>();
        var refused = new List<NotOffered>();
        notOffered = refused;
        var options = new SimulationOptions { MaxDegreeOfParallelism = 1, KeepSubsidyLines = true };
        HeatingSystem current = Simulator.CurrentHeating(data, oneBuilding, 0, out _);
        foreach (RenovationPackage p in advisorScenario.Packages)
        {
            if (Simulator.PackageRefusal(data, advisorScenario, p, current) is string reason)
            {
                refused.Add(new NotOffered(p.Id, p.Description, reason));
                continue;
            }

            // A package whose heat generator is the one the building has would repeat the package without it (no boiler is costed).
            if (p.Heating is string h && ScenarioValidator.TryParseHeating(h, out HeatingSystem same) && same == current && (p.Envelope is not null || p.VentilationHeatRecovery > 0 || p.PvRoofShare > 0))
            {
                refused.Add(new NotOffered(p.Id, p.Description, $"the building already has a {ScenarioValidator.KebabName(current)}: see the same measures without a heating change"));
                continue;
            }

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
                // Not eligible: either the type lacks the package's TABULA variant, or the package would change nothing.
                int number = TypeModel.VariantNumber(p.Envelope?.Variant);
                bool noVariant = number > 0 && !data.Typologies.Types[oneBuilding.TypologyIndex[0]].Variants.Any(v => v.Number == number);
                refused.Add(new NotOffered(p.Id, p.Description, noVariant ? "the building's TABULA type has no variant for this envelope measure" : "changes nothing for this building (it has what the package installs, or renewed those elements within their lifetime)"));
                continue;
            }

            double investment = r.InvestmentEur[0], subsidy = r.SubsidyEur[0];
            if (investment <= 0)
            {
                refused.Add(new NotOffered(p.Id, p.Description, "costs nothing and so cannot be ranked (check the package's measures)"));
                continue;
            }

            // First-year savings of energy and maintenance: what the simple payback divides the net energy-related cost by.
            double savings = (r.EnergyCostBaselineEurByYear[0] + r.MaintenanceBaselineEurByYear[0]) - (r.EnergyCostEurByYear[0] + r.MaintenanceEurByYear[0]);
            result.Add(new Advice(p.Id, p.Description, investment, subsidy, investment - subsidy, savings, r.SimplePaybackYears[0], r.NpvEur[0],
                r.Co2BaselineKg[0], r.Co2Kg[0], r.ClassBefore[0] ?? "?", r.ClassAfter[0] ?? "?", r.HeatNeedBeforeKWh[0], r.HeatNeedAfterKWh[0], r.HeatingAfter[0])
            {
                PrimaryBeforeKWhPerM2 = r.PrimaryBeforeKWhPerM2[0],
                PrimaryAfterKWhPerM2 = r.PrimaryAfterKWhPerM2[0],
                ClassValueBeforeKWhPerM2 = r.ClassBasisBeforeKWhPerM2[0],
                ClassValueAfterKWhPerM2 = r.ClassBasisAfterKWhPerM2[0],
                DiscountedPaybackYears = r.DiscountedPaybackYears[0],
                AnywayEur = r.AnywayEur[0],
                Subsidies = r.SubsidyLines![0]!,
            });
        }

        return result.OrderByDescending(a => a.NpvEur).ThenBy(a => a.Package, StringComparer.Ordinal).ToList();
    }
}
