using Twin.Core.Stock;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests.Economics;

public sealed class SubsidyTests
{
    [Theory]
    [InlineData(0.4, null, null)] // 40 % of the investment
    [InlineData(0.4, 1000.0, null)] // capped per building
    [InlineData(0.9, null, 2.0)] // capped per m² of heated floor
    public void Subsidy_ShareAndCaps_HandChecked(double share, double? capPerBuilding, double? capPerM2)
    {
        int index = Array.FindIndex(SimFixtures.SampleStock.SizeClass, c => c == SizeClass.MFH);
        BuildingStock one = SimFixtures.SampleStock.Subset([index]);
        Scenario sc = SimFixtures.Scenario("bau") with
        {
            Uptake = new Uptake { RatePerYear = 1.0 },
            Subsidies = [new SubsidyProgramme { Name = "t", Share = share, CapPerBuildingEur = capPerBuilding, CapPerM2Eur = capPerM2 }],
        };
        SimulationResult r = Simulator.Run(one, SimFixtures.Data, sc);
        double investment = r.InvestmentEur[0];
        double expected = Math.Min(share * investment, Math.Min(capPerBuilding ?? double.MaxValue, (capPerM2 ?? double.MaxValue) * one.HeatedFloorAreaM2[0]));
        Assert.True(investment > 0);
        Assert.Equal(expected, r.SubsidyEur[0], 1e-6);
        Assert.Equal(2025, r.RenovationYear[0]);
    }

    [Fact]
    public void Subsidy_OutsideProgrammeYears_Nothing()
    {
        int index = Array.FindIndex(SimFixtures.SampleStock.SizeClass, c => c == SizeClass.MFH);
        Scenario sc = SimFixtures.Scenario("bau") with
        {
            Uptake = new Uptake { RatePerYear = 1.0 },
            Subsidies = [new SubsidyProgramme { Name = "late", Share = 0.5, FromYear = 2030 }],
        };
        Assert.Equal(0.0, Simulator.Run(SimFixtures.SampleStock.Subset([index]), SimFixtures.Data, sc).SubsidyEur[0]);
    }
}
