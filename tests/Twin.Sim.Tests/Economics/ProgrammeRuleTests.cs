using Twin.Core.Stock;
using Twin.Pipeline;
using Twin.Sim.Economics;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Sim.Tests.Economics;

/// <summary>
/// The shipped rule files of the real programmes (data/samples/subsidies) on worked examples: every expected amount is
/// worked out by hand in the comment from the programme's rules as the file states them (PLN / 4.19 = EUR).
/// </summary>
public sealed class ProgrammeRuleTests
{
    private static readonly IReadOnlyList<SubsidyProgramme> Advisor = ScenarioFile.Load(Path.Combine(TestPaths.Samples, "scenarios", "advisor.json")).Scenario.Subsidies;

    private static SubsidyProgramme P(string name) => Advisor.Single(p => p.Name == name);

    /// <summary>A house: 10,000 EUR insulation on 150 m², 3,000 EUR windows on 15 m², 12,000 EUR heat pump, 40 % less demand.</summary>
    private static SubsidyCase House(HeatingSystem after = HeatingSystem.AirHeatPump, double pvEur = 0, double pvKwp = 0, SizeClass size = SizeClass.SFH, double savings = 0.4, int year = 2025) =>
        new("p", size, year, new PackageCost(10_000, 3_000, 0, 12_000, pvEur, 20) { InsulatedAreaM2 = 150, WindowAreaM2 = 15 }, 140, after, pvKwp, savings, false);

    [Fact]
    public void CzystePowietrze_CapsEachItem_ThenPaysTheTiersShare()
    {
        // Eligible: insulation min(10,000; 200 PLN/m² = 47.73 × 150 = 7,159.5) + windows min(3,000; 286.40 × 15 = 4,296)
        // + air heat pump min(12,000; 35,200 PLN = 8,400.95) = 18,560.45 EUR.
        SubsidyProgramme cp = P("czyste-powietrze-2025");
        Assert.Equal(18_560.45, SubsidyRules.EligibleCost(cp, House()), 6);
        Assert.Equal(0.4 * 18_560.45, SubsidyRules.Total([cp], House()), 6);                                   // basic: 40 %
        Assert.Equal(18_560.45, SubsidyRules.Total([cp with { Tier = "highest" }], House()), 6);               // highest: 100 %, under 135,000 PLN
        // A big project, highest tier: 100 % of min(60,000; 47.73 × 900) + min(20,000; 286.40 × 90) + 8,400.95 = 71,357.95 EUR,
        // above the tier's 135,000 PLN = 32,219.57 EUR: capped there.
        var big = House() with { Cost = new PackageCost(60_000, 20_000, 0, 12_000, 0, 20) { InsulatedAreaM2 = 900, WindowAreaM2 = 90 } };
        Assert.Equal(71_357.95, SubsidyRules.EligibleCost(cp, big), 6);
        Assert.Equal(32_219.57, SubsidyRules.Total([cp with { Tier = "highest" }], big), 6);
        Assert.Equal(15_751.79, SubsidyRules.Total([cp], big), 6); // basic: 40 % = 28,543 EUR, capped at 66,000 PLN
    }

    [Fact]
    public void CzystePowietrze_KeepingCoalGetsNothing_GasBoilerAndPvAreNotEligible()
    {
        SubsidyProgramme cp = P("czyste-powietrze-2025");
        SubsidyLine coal = Assert.Single(SubsidyRules.Apply([cp], House(after: HeatingSystem.CoalBoiler)));
        Assert.Equal(0, coal.AmountEur);
        Assert.Contains("coal boiler would remain", coal.Reason, StringComparison.Ordinal);
        // A new gas boiler is not funded (2025): insulation and windows only, 0.4 × (7,159.5 + 3,000) = 4,063.8.
        Assert.Equal(0.4 * 10_159.5, SubsidyRules.Total([cp], House(after: HeatingSystem.GasBoiler)), 6);
        Assert.Equal(0.4 * 18_560.45, SubsidyRules.Total([cp], House(pvEur: 5_000, pvKwp: 4)), 6); // PV adds nothing
        Assert.Contains("only for SFH, TH", Assert.Single(SubsidyRules.Apply([cp], House(size: SizeClass.MFH))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PremiaTermomodernizacyjna_16Or21Percent_IfTheDemandFallsEnough()
    {
        SubsidyProgramme premia = P("premia-termomodernizacyjna") with { SizeClasses = [] }; // the act: any building
        const double Cost = 25_000;
        Assert.Equal(0.16 * Cost, SubsidyRules.Total([premia], House(size: SizeClass.MFH)), 6);
        Assert.Equal(0.21 * (Cost + 5_000), SubsidyRules.Total([premia], House(pvEur: 5_000, pvKwp: 1.5)), 6);             // house, PV ≥ 1 kW
        Assert.Equal(0.16 * (Cost + 5_000), SubsidyRules.Total([premia], House(pvEur: 5_000, pvKwp: 1.5, size: SizeClass.MFH)), 6); // block needs ≥ 6 kW
        SubsidyLine little = Assert.Single(SubsidyRules.Apply([premia], House(savings: 0.20)));
        Assert.Equal(0, little.AmountEur);
        Assert.Contains("cuts the energy demand by 20 %; the programme requires at least 25 %", little.Reason, StringComparison.Ordinal);
        // Only the heating system modernised: 10 % is enough.
        SubsidyCase heatingOnly = House(savings: 0.12) with { HeatingOnly = true };
        Assert.Equal(0.16 * Cost, SubsidyRules.Total([premia], heatingOnly), 6);
    }

    [Fact]
    public void MojPrad_PvNeedsAStorage_AndTheCallEndedIn2025()
    {
        SubsidyProgramme mp = P("moj-prad-6");
        SubsidyLine pv = Assert.Single(SubsidyRules.Apply([mp], House(pvEur: 5_000, pvKwp: 4)));
        Assert.Equal(0, pv.AmountEur);
        Assert.Contains("energy storage", pv.Reason, StringComparison.Ordinal);
        Assert.Contains("ended in 2025", Assert.Single(SubsidyRules.Apply([mp], House(pvEur: 5_000, pvKwp: 4, year: 2026))).Reason, StringComparison.Ordinal);
        // Without the storage rule (editions before August 2024): 50 % of the PV, at most 6,000 PLN = 1,431.98 EUR.
        Assert.Equal(1_250, SubsidyRules.Total([mp with { RequiresStorage = false }], House(pvEur: 2_500, pvKwp: 2)), 6);
        Assert.Equal(1_431.98, SubsidyRules.Total([mp with { RequiresStorage = false }], House(pvEur: 5_000, pvKwp: 4)), 6);
    }

    [Fact]
    public void AdvisorProgrammes_AreReadFromTheirRuleFiles_WithTheScenariosOverrides()
    {
        Assert.Equal(["czyste-powietrze-2025", "premia-termomodernizacyjna", "moj-prad-6", "ulga-termomodernizacyjna"], Advisor.Select(p => p.Name));
        Assert.All(Advisor, p => Assert.False(p.Illustrative));
        Assert.All(Advisor, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.Equal(["MFH", "AB"], P("premia-termomodernizacyjna").SizeClasses); // the scenario's entry overrides the file
        Assert.Equal("basic", P("czyste-powietrze-2025").Tier);
    }
}
