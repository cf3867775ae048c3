using Twin.Core.Stock;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests.Engine;

/// <summary>The start state from what the stock states (heat generator, renewed elements) or from the default renewal shares.</summary>
public sealed class CurrentStateTests
{
    private static readonly RenovationPackage Windows = new() { Id = "win", Envelope = new EnvelopeTarget { Variant = "advanced" } };

    private static SimulationResult Run(BuildingStock s, SimulationData? data = null) => Simulator.Run(s, data ?? SimFixtures.Data, new Scenario
    {
        Name = "state",
        Horizon = new Horizon(2026, 2035),
        Packages = [Windows],
        Rules = [new EligibilityRule { Package = "win" }],
        Uptake = new Uptake { RatePerYear = 1.0 },
    });

    [Fact]
    public void StockHeatingNames_AreTheEnginesHeatGenerators()
    {
        Assert.Equal(Enum.GetValues<Twin.Sim.Systems.HeatingSystem>().Select(ScenarioValidator.KebabName), HeatGenerators.Names);
    }

    [Fact]
    public void StatedHeating_IsTheStartState_ElseTheSizeClassDefault()
    {
        SimulationResult r = Run(OneBuilding.Create(new OneBuilding.Spec("PL.N.SFH.02.Gen", Heating: "coal-boiler"), new OneBuilding.Spec("PL.N.SFH.02.Gen")));
        Assert.Equal(["coal-boiler", "gas-boiler"], r.HeatingBefore); // SFH default: current_heating.csv
        Assert.Equal([AttributeSource.Observed, AttributeSource.Inferred], r.HeatingBeforeSource);
        Assert.True(r.FinalBeforeKWh[(int)Twin.Sim.Systems.Carrier.Coal][0] > 0);
        Assert.Equal(0, r.FinalBeforeKWh[(int)Twin.Sim.Systems.Carrier.Gas][0]);
    }

    [Fact]
    public void StatedElements_AreKept_TheOthersDrawnFromTheShares()
    {
        var spec = new OneBuilding.Spec("PL.N.MFH.03.Gen", Year: 1975, Size: SizeClass.MFH, WindowsRenewed: 2015);
        BuildingStock one = OneBuilding.Create(spec);
        // Windows stated (2015), walls/roof/floor not stated: they come from the shares (here: every wall and roof renewed).
        BuildingStock partly = one.WithState(renewedYear: [[BuildingStock.RenewalNotStated], [BuildingStock.RenewalNotStated], [BuildingStock.RenewalNotStated], [2015]]);
        SimulationData d = SimFixtures.Data with { RenewalShares = [new RenewalShare(SizeClass.MFH, 1946, 1992, 1.0, 1.0, 0, 0, "test")] };
        SimulationResult r = Run(partly, d);
        Assert.Equal(2015, r.RenewedYearBefore[(int)EnvelopeElement.Windows][0]);
        Assert.InRange(r.RenewedYearBefore[(int)EnvelopeElement.Wall][0], 1999, 2019);
        Assert.Equal(0, r.RenewedYearBefore[(int)EnvelopeElement.Floor][0]);
        Assert.Equal(AttributeSource.Observed, r.RenewalSourceBefore[0]);
    }

    [Fact]
    public void RenewedElements_LowerTheStartState_AndAreNotRenewedAgainWithinTheirLifetime()
    {
        SimulationResult r = Run(OneBuilding.Create(
            new OneBuilding.Spec("PL.N.SFH.02.Gen"),
            new OneBuilding.Spec("PL.N.SFH.02.Gen", WindowsRenewed: 2015, WallInsulated: 2010),
            new OneBuilding.Spec("PL.N.SFH.02.Gen", WindowsRenewed: 1985, WallInsulated: 1980)));
        // Renewed walls and windows at the usual-refurbishment U: less heat needed than as built.
        Assert.True(r.HeatNeedBeforeKWh[1] < 0.8 * r.HeatNeedBeforeKWh[0], $"{r.HeatNeedBeforeKWh[1]} vs {r.HeatNeedBeforeKWh[0]}");
        Assert.Equal(r.HeatNeedBeforeKWh[1], r.HeatNeedBeforeKWh[2]);

        // The advanced package on the 2010/2015 building: windows (35 a) and walls (40 a) are within their lifetime in 2026 and
        // stay; only roof and floor are done — no window or wall cost. The 1980/1985 renewal is past its lifetime: walls and
        // windows go from the usual to the advanced U again — the same windows, but less added wall insulation than as built.
        Assert.True(r.InvestmentEur[1] < r.InvestmentEur[2] && r.InvestmentEur[2] < r.InvestmentEur[0], string.Join(", ", r.InvestmentEur));
        Assert.True(r.HeatNeedAfterKWh[1] > r.HeatNeedAfterKWh[0]); // its roof/floor were done, but walls and windows kept the usual U
        Assert.Equal(r.HeatNeedAfterKWh[0], r.HeatNeedAfterKWh[2], 6);
        Assert.Equal([0, 2010, 1980], r.RenewedYearBefore[(int)EnvelopeElement.Wall]);
        Assert.Equal([AttributeSource.Observed, AttributeSource.Observed, AttributeSource.Observed], r.RenewalSourceBefore);
    }

    [Fact]
    public void DefaultShares_DrawThatShareOfBuildings_SameForEveryRunAndThreadCount()
    {
        var specs = Enumerable.Range(0, 400).Select(k => new OneBuilding.Spec("PL.N.MFH.03.Gen", Year: 1975, Size: SizeClass.MFH, Id: $"m{k}", StateStated: false)).ToArray();
        BuildingStock s = OneBuilding.Create(specs);
        SimulationData d = SimFixtures.Data with { RenewalShares = [new RenewalShare(SizeClass.MFH, 1946, 1992, 0.6, 0.6, 0, 0.25, "test")] };
        SimulationResult a = Run(s, d);
        int[] walls = a.RenewedYearBefore[(int)EnvelopeElement.Wall], windows = a.RenewedYearBefore[(int)EnvelopeElement.Windows];
        Assert.InRange(walls.Count(y => y != 0) / 400.0, 0.6 - 0.075, 0.6 + 0.075); // ±3σ of a binomial(400, 0.6)
        Assert.InRange(windows.Count(y => y != 0) / 400.0, 0.25 - 0.065, 0.25 + 0.065);
        Assert.All(a.RenewedYearBefore[(int)EnvelopeElement.Floor], y => Assert.Equal(0, y));
        // One draw per building: every building with new windows (share 0.25) has its walls (0.6) insulated too, in the same
        // year, drawn within 1999–2019.
        Assert.All(Enumerable.Range(0, 400).Where(i => windows[i] != 0), i => Assert.Equal(windows[i], walls[i]));
        Assert.All(walls.Where(y => y != 0), y => Assert.InRange(y, 1999, 2019));
        Assert.All(a.RenewalSourceBefore, x => Assert.Equal(AttributeSource.Inferred, x)); // drawn, renewed or not

        SimulationResult b = Simulator.Run(s, d, new Scenario { Name = "other", Horizon = new Horizon(2026, 2030), Seed = 99, Packages = [Windows], Rules = [new EligibilityRule { Package = "win" }] }, new SimulationOptions { MaxDegreeOfParallelism = 1, ChunkSize = 7 });
        for (int e = 0; e < 4; e++)
        {
            Assert.Equal(a.RenewedYearBefore[e], b.RenewedYearBefore[e]);
        }

        // Without the table every building is as built.
        SimulationResult none = Run(s, SimFixtures.Data with { RenewalShares = [] });
        Assert.All(none.RenewalSourceBefore, x => Assert.Equal(AttributeSource.Missing, x));
    }
}
