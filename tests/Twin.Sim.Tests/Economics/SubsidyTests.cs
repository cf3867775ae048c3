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

public sealed class InsulationPackageTests
{
    [Fact]
    public void WallInsulationCm_CostIsFixPlusPerCmTimesThickness()
    {
        int index = Array.FindIndex(SimFixtures.SampleStock.SizeClass, c => c == SizeClass.MFH);
        BuildingStock one = SimFixtures.SampleStock.Subset([index]);
        double Invest(double cm, out SimulationResult r)
        {
            Scenario sc = SimFixtures.Scenario("bau") with
            {
                Packages = [new RenovationPackage { Id = "wall", Envelope = new EnvelopeTarget { WallInsulationCm = cm } }],
                Rules = [new EligibilityRule { Package = "wall" }],
                Uptake = new Uptake { RatePerYear = 1.0 },
            };
            r = Simulator.Run(one, SimFixtures.Data, sc);
            return r.InvestmentEur[0];
        }

        // unit_costs.csv: wall 70.34 EUR/m² + 2.36 EUR/(m² cm), German prices × 0.5216 (Eurostat PL/DE) × 1.356 (GUS construction prices 2018 → end-2023)
        const double Fix = 70.34, PerCm = 2.36, Pli = 0.5216 * 1.356;
        double i16 = Invest(16, out SimulationResult r16), i8 = Invest(8, out _);
        double wallM2 = (i16 - i8) / (PerCm * 8 * Pli);
        Assert.Equal(wallM2 * (Fix + (PerCm * 16)) * Pli, i16, 1e-6 * i16);
        Assert.InRange(wallM2, 0.5 * one.WallAreaM2[0], one.WallAreaM2[0]); // opaque wall minus doors
        Assert.True(r16.HeatNeedAfterKWh[0] < r16.HeatNeedBeforeKWh[0]);
    }

    [Theory]
    [InlineData(SizeClass.SFH, 0.0, 1, 12649.0)]    // no grant: the whole investment up to the cap, × 12 %
    [InlineData(SizeClass.SFH, 0.4, 1, 12649.0)]    // after a 40 % grant only the rest may be deducted
    [InlineData(SizeClass.TH, 0.0, 2, 1000.0)]      // two taxpayers, each up to a small cap
    public void TaxRelief_DeductionOfWhatGrantsLeft_TimesTheTaxRate_HandChecked(SizeClass size, double grantShare, int taxpayers, double capPerTaxpayer)
    {
        // The Polish ulga termomodernizacyjna as advisor.json has it: costs not covered by grants, up to the cap per taxpayer,
        // are deducted from taxable income; the owner gains deduction × 12 %.
        int index = Array.FindIndex(SimFixtures.SampleStock.SizeClass, c => c == size);
        BuildingStock one = SimFixtures.SampleStock.Subset([index]);
        var relief = new SubsidyProgramme { Name = "ulga", Kind = SubsidyKind.TaxRelief, CapPerTaxpayerEur = capPerTaxpayer, Taxpayers = taxpayers, TaxRate = 0.12, SizeClasses = ["SFH", "TH"] };
        Scenario sc = SimFixtures.Scenario("bau") with
        {
            Uptake = new Uptake { RatePerYear = 1.0 },
            Subsidies = [new SubsidyProgramme { Name = "grant", Share = grantShare }, relief],
        };
        SimulationResult r = Simulator.Run(one, SimFixtures.Data, sc);
        double investment = r.InvestmentEur[0], grant = grantShare * investment;
        double expected = grant + (Math.Min(investment - grant, capPerTaxpayer * taxpayers) * 0.12);
        Assert.True(investment > 0);
        Assert.Equal(expected, r.SubsidyEur[0], 1e-6);

        // Only single-family buildings: a block gets the grant alone.
        int block = Array.FindIndex(SimFixtures.SampleStock.SizeClass, c => c == SizeClass.MFH);
        SimulationResult b = Simulator.Run(SimFixtures.SampleStock.Subset([block]), SimFixtures.Data, sc);
        Assert.Equal(grantShare * b.InvestmentEur[0], b.SubsidyEur[0], 1e-6);
    }

    [Theory]
    [InlineData(null, 0.12, "capPerTaxpayerEur")]
    [InlineData(1000.0, 0.0, "taxRate")]
    [InlineData(1000.0, 1.5, "taxRate")]
    public void TaxRelief_WithoutItsParameters_IsAScenarioError(double? cap, double rate, string field)
    {
        Scenario sc = SimFixtures.Scenario("bau") with { Subsidies = [new SubsidyProgramme { Name = "ulga", Kind = SubsidyKind.TaxRelief, CapPerTaxpayerEur = cap, TaxRate = rate }] };
        Assert.Contains(ScenarioValidator.Validate(sc), p => p.Path == $"$.subsidies[0].{field}");
    }
}
