using Twin.Core.Stock;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests.Economics;

/// <summary>
/// One building, round numbers, constant prices and factors, the expected value worked out by hand from the formula in
/// the comment — the engine's own arithmetic is never the expectation. Unit costs: data/samples/defaults/unit_costs.csv.
/// </summary>
public sealed class HandCheckedTests
{
    private const double Pli = 0.5216 * 1.356; // German envelope, window and ventilation prices × PL/DE (Eurostat 2018) × GUS construction prices 2018 → end-2023
    private const double GasPrice = 0.08, ElectricityPrice = 0.24, ExportPrice = 0.05, GasCo2 = 0.2, ElectricityCo2 = 0.6;

    /// <summary>SFH.01 (≤ 1945), 100 m², gas-heated, 2025–2034 at 5 %/a, everyone renovated in 2025, constant prices and factors.</summary>
    private static SimulationResult Run(RenovationPackage package, BuildingStock? stock = null, Func<Scenario, Scenario>? change = null, SimulationData? data = null)
    {
        var constant = (double v) => (IReadOnlyDictionary<int, double>)new Dictionary<int, double> { [2025] = v };
        Scenario sc = new()
        {
            Name = "hand",
            Horizon = new Horizon(2025, 2034),
            DiscountRate = 0.05,
            Packages = [package],
            Rules = [new EligibilityRule { Package = package.Id }],
            Uptake = new Uptake { RatePerYear = 1.0 },
            PricesEurPerKWh = new Dictionary<string, IReadOnlyDictionary<int, double>> { ["gas"] = constant(GasPrice), ["electricity"] = constant(ElectricityPrice), ["pvExport"] = constant(ExportPrice) },
            EmissionFactorsKgPerKWh = new Dictionary<string, IReadOnlyDictionary<int, double>> { ["gas"] = constant(GasCo2), ["electricity"] = constant(ElectricityCo2) },
        };
        return Simulator.Run(stock ?? OneBuilding.Create(new OneBuilding.Spec("PL.N.SFH.01.Gen")), data ?? SimFixtures.Data, change is null ? sc : change(sc));
    }

    private static int El => SimFixtures.Data.Carriers.Keys.ToList().IndexOf(Twin.Sim.Systems.Carrier.Electricity);

    [Fact]
    public void WallInsulation_Npv_WithResidualValue_AndPayback()
    {
        // Gas at twice the constant price of the other tests, so that the works pay back within the 10-year horizon.
        const double Gas = 2 * GasPrice;
        SimulationResult r = Run(new RenovationPackage { Id = "wall", Envelope = new EnvelopeTarget { WallInsulationCm = 10 } }, change: s => s with
        {
            PricesEurPerKWh = new Dictionary<string, IReadOnlyDictionary<int, double>>(s.PricesEurPerKWh) { ["gas"] = new Dictionary<int, double> { [2025] = Gas } },
        });
        // Investment: (opaque wall 100 m² − door 2 m²/71.4 m² × 100 m² = 2.8011 m²) × (70.34 + 2.36 × 10 cm) EUR/m² × 0.5216 × 1.356.
        double wall = 100 - (2.0 / 71.4 * 100);
        double investment = wall * (70.34 + (2.36 * 10)) * Pli;
        Assert.Equal(investment, r.InvestmentEur[0], 1e-6);
        // Energy-related 41.5 % (BMVBS 2012: 51.5 of 124 EUR/m²), the rest is the anyway cost of a façade renewal.
        double energyRelated = investment * 0.415;
        Assert.Equal(investment - energyRelated, r.AnywayEur[0], 1e-6);

        // Savings each year: the gas no longer burnt × 0.16 EUR/kWh (boiler efficiency is inside the gas figures); the boiler
        // stays, so its maintenance and replacement are the same with and without the renovation.
        double saving = (r.FinalBeforeKWh[0][0] - r.FinalAfterKWh[0][0]) * Gas;
        Assert.True(saving > 0);
        Assert.Equal(energyRelated / saving, r.SimplePaybackYears[0], 1e-9);

        // NPV (EN 15459-1 §6): Σ_{k=0..9} saving / 1.05^k − energy-related investment + its residual / 1.05^10; 40 a life, 10 used → 30/40.
        double annuity = Enumerable.Range(0, 10).Sum(k => Math.Pow(1.05, -k));
        double expected = (saving * annuity) - energyRelated + (energyRelated * 30.0 / 40.0 * Math.Pow(1.05, -10));
        Assert.Equal(expected, r.NpvEur[0], 1e-6);

        // Discounted payback: the first year whose cumulative discounted saving covers the investment, linear within that year.
        double cumulative = -energyRelated;
        int year = 0;
        while (cumulative + (saving * Math.Pow(1.05, -year)) < 0)
        {
            cumulative += saving * Math.Pow(1.05, -year++);
        }

        double discountedPayback = year + (-cumulative / (saving * Math.Pow(1.05, -year)));
        Assert.True(year < 10);
        Assert.Equal(discountedPayback, r.DiscountedPaybackYears[0], 1e-9);

        // Cost of conserved energy and of CO₂ (no subsidy here): resource cost = investment − discounted residual;
        // over discounted kWh saved, and (resource − discounted savings) over discounted tonnes (gas 0.2 kg/kWh).
        double resource = energyRelated - (energyRelated * 30.0 / 40.0 * Math.Pow(1.05, -10));
        double kwh = (r.FinalBeforeKWh[0][0] - r.FinalAfterKWh[0][0]) * annuity;
        Assert.Equal(resource / kwh, r.LcceEurPerKWh[0], 1e-9);
        Assert.Equal((resource - (saving * annuity)) / (kwh * GasCo2 / 1000), r.AbatementCostEurPerTonne[0], 1e-6);
        Assert.Equal(-r.NpvEur[0] / (kwh * GasCo2 / 1000), r.AbatementCostEurPerTonne[0], 1e-6);
    }

    [Fact]
    public void HeatPump_ReplacesTheBoiler_MaintenanceAndReplacementsCounted()
    {
        SimulationResult r = Run(new RenovationPackage { Id = "hp", Heating = "air-heat-pump" });
        // The existing gas boiler (20 a, 6.6243 %/a maintenance) is assumed half-way through its life: replaced in 2035 without
        // renovation — after this 2025–2034 horizon, so only its maintenance differs; the heat pump (18 a) is maintained at 2.9785 %/a.
        double hp = r.InvestmentEur[0];
        Assert.Equal(hp * 0.029785, r.MaintenanceEurByYear[0], 1e-6);
        Assert.True(r.MaintenanceBaselineEurByYear[0] > 0);
        Assert.All(r.ReplacementEurByYear, v => Assert.Equal(0.0, v));
        Assert.All(r.ReplacementBaselineEurByYear, v => Assert.Equal(0.0, v));
        // Residual: heat pump 18 a, 10 used → 8/18; the boiler without renovation, installed 2015, has used all 20 of its 20 years at
        // the end of 2034 → 0, and its replacement falls in 2035, after the horizon.
        Assert.Equal(hp * 8.0 / 18.0, r.ResidualValueEur, 1e-6);
        Assert.Equal(0.0, r.ResidualValueBaselineEur, 1e-9);
    }

    [Theory]
    [InlineData(0.9, 225.0)]    // U ≤ 1.0: triple glazing, 225 EUR/m²
    [InlineData(1.2, 180.08)]   // double glazing, 180.08 EUR/m²
    public void Windows_CostPerM2OfGlazingKind(double u, double eurPerM2)
    {
        SimulationResult r = Run(new RenovationPackage { Id = "win", Envelope = new EnvelopeTarget { WindowUWPerM2K = u } });
        Assert.Equal(15 * eurPerM2 * Pli, r.InvestmentEur[0], 1e-9); // 15 m² of windows
    }

    [Theory]
    [InlineData("air-heat-pump", 2.8)]    // source: the heating season's mean external temperature (TABULA PL: 2.8 °C)
    [InlineData("ground-heat-pump", 5.0)] // source: ground at 5 °C
    public void HeatPump_UnrenovatedHouse_At55DegreesFlow(string heating, double sourceC)
    {
        SimulationResult r = Run(new RenovationPackage { Id = "hp", Heating = heating });
        // Design heat flux of this leaky house ≫ 90 W/m², so the emitters need 55 °C (HeatPump.FlowTemperatureC), the same as
        // hot water: one COP, Staffell et al. 2012. Air, lift 52.2 K: 6.81 − 0.121·52.2 + 0.00063·52.2² = 2.2104492;
        // ground, lift 50 K: 8.77 − 0.15·50 + 0.000734·50² = 3.105.
        double lift = 55 - sourceC;
        double cop = heating == "air-heat-pump" ? 6.81 - (0.121 * lift) + (0.000630 * lift * lift) : 8.77 - (0.150 * lift) + (0.000734 * lift * lift);
        double hotWater = 10 * 100; // TABULA q_w_nd of SFH.01, 10 kWh/(m²a), × 100 m²
        Assert.Equal(r.HeatNeedBeforeKWh[0], r.HeatNeedAfterKWh[0]); // no envelope measure
        // Calibrated to measured consumption with TABULA DE.M.02 (1.1, 0.8, 0.6, 0.5, 0.5, 0.5 at 0…500 kWh/(m²a) of
        // generated heat), read at the heat the pump generates per m²: linear between the nodes, 0.5 beyond 300.
        double generated = (r.HeatNeedAfterKWh[0] + hotWater) / 100;
        double[] nodes = [1.1, 0.8, 0.6, 0.5, 0.5, 0.5];
        int k = Math.Min(4, (int)(generated / 100));
        double factor = generated >= 500 ? 0.5 : nodes[k] + ((generated / 100 - k) * (nodes[k + 1] - nodes[k]));
        Assert.InRange(generated, 200, 400); // a leaky 1940s house: on the steep part of the curve
        Assert.Equal(factor, r.ConsumptionFactorAfter[0], 1e-12);
        Assert.Equal((r.HeatNeedAfterKWh[0] + hotWater) / cop * factor, r.FinalAfterKWh[El][0], 1e-6);
        Assert.Equal(cop, r.SeasonalCopAfter[0], 1e-9);
        Assert.Equal(0.0, r.FinalAfterKWh[0][0]); // no gas any more
        Assert.Equal(r.FinalAfterKWh[El][0] * ElectricityCo2, r.Co2EndYearKg[0], 1e-6);
    }

    [Theory]
    [InlineData("PL.N.SFH.01.Gen", 0.3, false)] // a leaky house: 30 % of the yield is less than its heat pump draws
    [InlineData("PL.N.SFH.07.Gen", 0.9, true)]  // a 2009+ house, 90 % self-consumption: more than it draws, so only that is self-consumed
    public void Pv_SelfConsumedAtTheRetailPrice_RestExported(string type, double selfShare, bool capped)
    {
        BuildingStock house = OneBuilding.Create(new OneBuilding.Spec(type));
        var costs = new Dictionary<string, double>(SimFixtures.Data.Costs.Values) { ["pv_self_consumption"] = selfShare };
        SimulationData data = SimFixtures.Data with { Costs = new UnitCosts(costs) };
        SimulationResult r = Run(new RenovationPackage { Id = "pv", Heating = "air-heat-pump", PvRoofShare = 0.5 }, house, data: data);
        // 0.5 × 60 m² roof × 0.2 kWp/m² = 6 kWp.
        double pv = 6 * 990.2; // measured specific yield of Polish rooftop systems [kWh/kWp] (unit_costs.csv)
        Assert.Equal(pv, r.PvAfterKWh[0], 1e-6);
        double el = r.FinalAfterKWh[El][0];
        Assert.Equal(capped, selfShare * pv > el);
        double self = Math.Min(selfShare * pv, el); // the self-consumed share, at most what the heat pump draws
        double cost = (el * ElectricityPrice) - (self * ElectricityPrice) - ((pv - self) * ExportPrice);
        Assert.Equal(cost, r.EnergyCostEndYearEur[0], 1e-6);
        Assert.Equal((el - pv) * ElectricityCo2, r.Co2EndYearKg[0], 1e-6); // all PV output displaces grid electricity
        // Investment: the heat pump (sized to the design load, ≥ 3 kW) plus 6 kWp × 1,106.486 EUR/kWp.
        SimulationResult hpOnly = Run(new RenovationPackage { Id = "hp", Heating = "air-heat-pump" }, house);
        Assert.Equal(6 * 1106.486, r.InvestmentEur[0] - hpOnly.InvestmentEur[0], 1e-6);
    }

    [Fact]
    public void PrimaryEnergy_PolishEpcFactors_OnlyPvUsedOnSiteCounts()
    {
        SimulationResult r = Run(new RenovationPackage { Id = "pv", Heating = "air-heat-pump", PvRoofShare = 0.5 });
        // Dz.U. 2023 poz. 697, zał. 1 tab. 1: gas 1.10, grid electricity 2.50. EP as a certificate computes it: standard use, i.e.
        // the calibrated consumption ÷ the calibration factor. Before: gas × 1.1 per 100 m².
        Assert.Equal(r.FinalBeforeKWh[0][0] / r.ConsumptionFactorBefore[0] * 1.1 / 100, r.PrimaryBeforeKWhPerM2[0], 1e-9);
        // After: (electricity − the PV used on site) × 2.5; used on site = min(30 % of the yield, what the heat pump draws); export does not count.
        double el = r.FinalAfterKWh[El][0], pv = r.PvAfterKWh[0];
        Assert.True(pv > 0);
        double standardEl = el / r.ConsumptionFactorAfter[0]; // the certificate's electricity, also the cap of the PV used on site
        Assert.Equal((standardEl - Math.Min(0.3 * pv, standardEl)) * 2.5 / 100, r.PrimaryAfterKWhPerM2[0], 1e-9);
        // The shipped scale (draft Polish A+–G) reads this EP.
        Assert.Equal(r.PrimaryBeforeKWhPerM2[0], r.ClassBasisBeforeKWhPerM2[0], 1e-9);
    }

    [Fact]
    public void StackedSubsidies_AddUp_CappedPerProgramme_AndAtTheInvestment()
    {
        var package = new RenovationPackage { Id = "win", Envelope = new EnvelopeTarget { WindowUWPerM2K = 0.9 } };
        double investment = 15 * 225.0 * Pli; // 1,760.4 EUR
        SimulationResult two = Run(package, change: s => s with { Subsidies = [new SubsidyProgramme { Name = "a", Share = 0.3 }, new SubsidyProgramme { Name = "b", Share = 0.5, CapPerBuildingEur = 500 }] });
        Assert.Equal((0.3 * investment) + 500, two.SubsidyEur[0], 1e-9);
        SimulationResult perM2 = Run(package, change: s => s with { Subsidies = [new SubsidyProgramme { Name = "a", Share = 1.0, CapPerM2Eur = 2.0 }] });
        Assert.Equal(200, perM2.SubsidyEur[0], 1e-9); // 2 EUR/m² × 100 m²
        SimulationResult over = Run(package, change: s => s with { Subsidies = [new SubsidyProgramme { Name = "a", Share = 0.7 }, new SubsidyProgramme { Name = "b", Share = 0.6 }] });
        Assert.Equal(investment, over.SubsidyEur[0], 1e-9); // 130 % is paid as 100 %
        SimulationResult other = Run(package, change: s => s with { Packages = [.. s.Packages, new RenovationPackage { Id = "other", Heating = "air-heat-pump" }], Subsidies = [new SubsidyProgramme { Name = "a", Share = 0.5, Packages = ["other"] }] });
        Assert.Equal(0.0, other.SubsidyEur[0]);
    }

    /// <summary>Each eligibility condition on its own, over four buildings that differ in exactly one way from the first.</summary>
    public static TheoryData<string, bool[]> Filters() => new()
    {
        { "sizeClasses", [true, false, true, true] },
        { "typologies", [true, true, false, true] },
        { "builtFrom", [false, true, true, true] },
        { "builtTo", [true, false, false, false] },
        { "currentHeating", [true, false, true, true] },
        { "neighbourhoods", [true, true, true, false] },
        { "classes", [true, true, false, true] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void EligibilityFilter_SelectsExactlyTheMatchingBuildings(string filter, bool[] expected)
    {
        BuildingStock stock = OneBuilding.Create(
            new OneBuilding.Spec("PL.N.SFH.01.Gen", Year: 1930, Neighbourhood: "north"),
            new OneBuilding.Spec("PL.N.MFH.01.Gen", Year: 1935, Size: SizeClass.MFH, Neighbourhood: "north"), // MFH: district heat (current_heating.csv)
            new OneBuilding.Spec("PL.N.SFH.07.Gen", Year: 2015, Neighbourhood: "north", WallM2: 80, WindowSouthM2: 10), // a 2009+ house: a better class
            new OneBuilding.Spec("PL.N.SFH.01.Gen", Year: 1940, Neighbourhood: "south"));
        SimulationResult none = Run(new RenovationPackage { Id = "win", Envelope = new EnvelopeTarget { WindowUWPerM2K = 0.9 } }, stock, s => s with { Uptake = new Uptake { RatePerYear = 0 } });
        string worstClass = none.ClassBefore[0]!;
        Assert.NotEqual(worstClass, none.ClassBefore[2]);
        var rule = new EligibilityRule { Package = "win" };
        rule = filter switch
        {
            "sizeClasses" => rule with { SizeClasses = ["SFH"] },
            "typologies" => rule with { Typologies = ["PL.N.SFH.01", "PL.N.MFH"] },
            "builtFrom" => rule with { BuiltFrom = 1931 },
            "builtTo" => rule with { BuiltTo = 1930 },
            "currentHeating" => rule with { CurrentHeating = ["gas-boiler"] },
            "neighbourhoods" => rule with { Neighbourhoods = ["north"] },
            "classes" => rule with { Classes = [worstClass, none.ClassBefore[1]!, none.ClassBefore[3]!] },
            _ => throw new ArgumentException(filter),
        };
        SimulationResult r = Run(new RenovationPackage { Id = "win", Envelope = new EnvelopeTarget { WindowUWPerM2K = 0.9 } }, stock, s => s with { Rules = [rule] });
        Assert.Equal(expected, r.Package.Select(p => p is not null).ToArray());
    }
}
