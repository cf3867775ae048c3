using Twin.Core.Stock;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests.Engine;

public sealed class SimulatorTests
{
    [Fact]
    public void Run_SameInputsAnyThreadCount_BitIdentical()
    {
        Scenario sc = SimFixtures.Scenario("shallow-heat-pump");
        var r1 = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc, new SimulationOptions { MaxDegreeOfParallelism = 1, ChunkSize = 256 });
        var r2 = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc, new SimulationOptions { MaxDegreeOfParallelism = 2, ChunkSize = 256 });
        var r3 = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc, new SimulationOptions { MaxDegreeOfParallelism = 8, ChunkSize = 256 });
        foreach (var other in new[] { r2, r3 })
        {
            Assert.Equal(Bits(r1.Co2Kg), Bits(other.Co2Kg));
            Assert.Equal(Bits(r1.EnergyCostEurByYear), Bits(other.EnergyCostEurByYear));
            Assert.Equal(Bits(r1.NpvEur), Bits(other.NpvEur));
            Assert.Equal(r1.RenovationYear, other.RenovationYear);
        }
    }

    [Fact]
    public void Run_RandomUptake_SameSeedSameOrder_OtherSeedOtherOrder()
    {
        Scenario sc = SimFixtures.Scenario("bau") with { Uptake = new Uptake { RatePerYear = 0.02, Order = UptakeOrder.Random } };
        var a = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc);
        var b = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc);
        var c = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc with { Seed = sc.Seed + 1 });
        Assert.Equal(a.RenovationYear, b.RenovationYear);
        Assert.NotEqual(a.RenovationYear, c.RenovationYear);
        Assert.Equal(a.RenovatedTotal, c.RenovatedTotal);
    }

    [Fact]
    public void Run_EveryBuildingAccountedFor_NonResidentialNotSimulatedWithReason()
    {
        BuildingStock s = SimFixtures.SampleStock;
        var r = Simulator.Run(s, SimFixtures.Data, SimFixtures.Scenario("bau"));
        Assert.Equal(s.Count, r.BuildingCount);
        for (int i = 0; i < s.Count; i++)
        {
            Assert.Equal(s.TypologyIndex[i] >= 0, r.Simulated[i]);
            Assert.Equal(r.Simulated[i], r.NotSimulatedReason[i] is null);
        }
    }

    [Fact]
    public void Run_RateTimesYears_RenovatesThatShareOfEligible_WorstFirst()
    {
        Scenario sc = SimFixtures.Scenario("bau") with { Uptake = new Uptake { RatePerYear = 0.1, Order = UptakeOrder.WorstFirst } };
        var r = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc);
        int eligible = r.Simulated.Count(x => x);
        Assert.Equal(eligible, r.RenovatedTotal); // 10 %/a over 26 years covers everyone
        Assert.Equal((int)Math.Round(0.1 * eligible, MidpointRounding.AwayFromZero), r.RenovatedByYear[0]);

        // Worst first: the first year's buildings have higher start-state final energy per m² than the rest on average.
        BuildingStock s = SimFixtures.SampleStock;
        double Intensity(int i) => r.FinalBeforeKWh.Sum(c => c[i]) / s.HeatedFloorAreaM2[i];
        var first = Enumerable.Range(0, s.Count).Where(i => r.RenovationYear[i] == 2025).Select(Intensity).ToArray();
        var rest = Enumerable.Range(0, s.Count).Where(i => r.RenovationYear[i] > 2025).Select(Intensity).ToArray();
        Assert.True(first.Min() >= rest.Max() - 1e-9, $"{first.Min()} vs {rest.Max()}");
    }

    [Fact]
    public void Run_AnnualBudgetCap_NeverExceeded()
    {
        Scenario sc = SimFixtures.Scenario("deep-district-heat") with { Uptake = new Uptake { RatePerYear = 0.5, Order = UptakeOrder.WorstFirst, AnnualBudgetEur = 5_000_000 } };
        var r = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc);
        Assert.All(r.InvestmentEurByYear, v => Assert.True(v <= 5_000_000 + 1e-6, $"{v}"));
        Assert.True(r.InvestmentEurByYear[0] > 4_000_000, "the cap is used, not left idle");
    }

    [Fact]
    public void Run_NoRenovation_EqualsCounterfactual()
    {
        Scenario sc = SimFixtures.Scenario("bau") with { Uptake = new Uptake { RatePerYear = 0 } };
        var r = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, sc);
        Assert.Equal(0, r.RenovatedTotal);
        Assert.Equal(r.Co2BaselineKg, r.Co2Kg);
        Assert.Equal(r.EnergyCostBaselineEurByYear, r.EnergyCostEurByYear);
    }

    [Fact]
    public void Run_DeepScenario_CutsMoreThanShallow_AndHeatNeedFalls()
    {
        var shallow = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, SimFixtures.Scenario("shallow-heat-pump"));
        var deep = Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, SimFixtures.Scenario("deep-district-heat"));
        Assert.True(deep.Co2Kg[^1] < shallow.Co2Kg[^1]);
        Assert.All(Enumerable.Range(0, deep.BuildingCount).Where(i => deep.RenovationYear[i] != 0), i => Assert.True(deep.HeatNeedAfterKWh[i] < deep.HeatNeedBeforeKWh[i]));
    }

    [Fact]
    public void Run_InvalidScenario_ThrowsWithAllProblems()
    {
        Scenario bad = SimFixtures.Scenario("bau") with { DiscountRate = 2, Uptake = new Uptake { RatePerYear = -1 } };
        var ex = Assert.Throws<ScenarioException>(() => Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, bad));
        Assert.Equal(2, ex.Problems.Count);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Simulator.Run(SimFixtures.SampleStock, SimFixtures.Data, SimFixtures.Scenario("bau"), new SimulationOptions { Cancellation = cts.Token }));
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
