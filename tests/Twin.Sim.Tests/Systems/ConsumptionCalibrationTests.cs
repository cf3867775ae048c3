using Twin.Core.IO;
using Twin.Core.Stock;
using Twin.Core.Validation;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Sim.Tests.Systems;

/// <summary>
/// The baseline calibrated to measured consumption (TABULA Tab.CalcAdapt, data/samples/defaults/consumption_calibration.csv):
/// the curve by hand, its effect on one house, and the table's validation.
/// </summary>
public sealed class ConsumptionCalibrationTests
{
    private static readonly double[] DeM01 = [1.1, 1.0, 0.84, 0.7, 0.6, 0.5]; // TABULA DE.M.01, central fuel-fired and district heat

    [Theory]
    [InlineData(0, 1.1)]
    [InlineData(100, 1.0)]
    [InlineData(150, 0.92)]     // halfway between 1.0 and 0.84
    [InlineData(275, 0.735)]    // 0.84 + 0.75 × (0.7 − 0.84)
    [InlineData(500, 0.5)]
    [InlineData(900, 0.5)]      // constant beyond the last node
    [InlineData(-5, 1.1)]
    public void Curve_LinearBetweenTheNodes_ConstantBeyond(double kWhPerM2, double expected)
    {
        var curve = new CalibrationCurve("DE.M.01", CalibrationBasis.Delivered, DeM01, "test");
        Assert.Equal(expected, curve.At(kWhPerM2), 1e-12);
    }

    [Fact]
    public void ShippedTable_CoversEveryGenerator_WithTheTabulaRows()
    {
        ConsumptionCalibration c = SimFixtures.Data.Calibration;
        Assert.False(c.IsNone);
        Assert.Equal("DE.M.01", c.Curve(HeatingSystem.GasBoiler)!.Code);
        Assert.Equal("DE.M.01", c.Curve(HeatingSystem.DistrictHeat)!.Code);
        Assert.Equal("DE.M.02", c.Curve(HeatingSystem.AirHeatPump)!.Code);
        Assert.Equal(CalibrationBasis.Generated, c.Curve(HeatingSystem.GroundHeatPump)!.Basis);
        Assert.Equal("DE.M.03", c.Curve(HeatingSystem.CoalBoiler)!.Code);
        Assert.Equal(DeM01, c.Curve(HeatingSystem.OilBoiler)!.Nodes);
    }

    [Fact]
    public void GasHouse_DeliveredEnergyAtTheMeasuredLevel_HeatNeedUnchanged()
    {
        BuildingStock house = OneBuilding.Create(new OneBuilding.Spec("PL.N.SFH.01.Gen"));
        SimulationResult calibrated = Run(house, SimFixtures.Data);
        SimulationResult standard = Run(house, SimFixtures.Data with { Calibration = ConsumptionCalibration.None });
        Assert.Equal(standard.HeatNeedBeforeKWh[0], calibrated.HeatNeedBeforeKWh[0]);
        Assert.Equal(1.0, standard.ConsumptionFactorBefore[0]);

        // Standard use: (q_h_nd + q_w_nd) / 0.975 (gas boiler, heating_systems.csv); read DE.M.01 at that value per m².
        double gas = standard.FinalBeforeKWh[0][0];
        double q = gas / 100;
        int k = (int)(q / 100);
        double f = DeM01[k] + ((q / 100 - k) * (DeM01[k + 1] - DeM01[k]));
        Assert.InRange(q, 250, 450); // an unrenovated pre-1945 house
        Assert.Equal(f, calibrated.ConsumptionFactorBefore[0], 1e-12);
        Assert.Equal(gas * f, calibrated.FinalBeforeKWh[0][0], 1e-6);

        // The prebound effect: the saving of the same wall insulation is smaller from the measured level than from standard use,
        // because the factor rises as the house gets better (the after state sits higher on the curve).
        double savedCalibrated = calibrated.FinalBeforeKWh[0][0] - calibrated.FinalAfterKWh[0][0];
        double savedStandard = standard.FinalBeforeKWh[0][0] - standard.FinalAfterKWh[0][0];
        Assert.True(calibrated.ConsumptionFactorAfter[0] > calibrated.ConsumptionFactorBefore[0]);
        Assert.InRange(savedCalibrated / savedStandard, 0.2, 0.95);
    }

    [Fact]
    public void TypologyFactor_MultipliesTheCurve()
    {
        BuildingStock house = OneBuilding.Create(new OneBuilding.Spec("PL.N.SFH.01.Gen"));
        string code = SimFixtures.Data.Typologies.Types[house.TypologyIndex[0]].Code;
        SimulationData fitted = SimFixtures.Data with { Calibration = SimFixtures.Data.Calibration.WithTypologyFactors(new Dictionary<string, double> { [code] = 1.25 }) };
        SimulationResult a = Run(house, SimFixtures.Data), b = Run(house, fitted);
        Assert.Equal(a.ConsumptionFactorBefore[0] * 1.25, b.ConsumptionFactorBefore[0], 1e-12);
        Assert.Equal(a.FinalBeforeKWh[0][0] * 1.25, b.FinalBeforeKWh[0][0], 1e-6);
    }

    [Theory]
    [InlineData("code,systems,basis,f_000,f_100,f_200,f_300,f_400,f_500,source\nX,gas-boiler,delivered,1,1,1,1,1,1,s\n", "has no calibration curve")]
    [InlineData("code,systems,basis,f_000,f_100,f_200,f_300,f_400,f_500,source\nX,gas-boilr,delivered,1,1,1,1,1,1,s\n", "is not a heat generator")]
    [InlineData("code,systems,basis,f_000,f_100,f_200,f_300,f_400,f_500,source\nX,gas-boiler,measured,1,1,1,1,1,1,s\n", "is not a calibration basis")]
    [InlineData("code,systems,basis,f_000,f_100,f_200,f_300,f_400,f_500,source\nX,gas-boiler,delivered,110,100,84,70,60,50,s\n", "outside the plausible range")]
    [InlineData("code,systems,basis,f_000,f_100,f_200,f_300,f_400,source\nX,gas-boiler,delivered,1,1,1,1,1,s\n", "column 'f_500' is missing")]
    public void DamagedTable_IsRejected_NamingRowColumnAndValue(string csv, string message)
    {
        TwinFixturesTables t = TwinFixturesTables.Shipped();
        var table = CsvTable.Parse(csv, "consumption_calibration.csv");
        var ex = Assert.ThrowsAny<InputException>(() => SimulationData.FromTables(SimFixtures.Data.Typologies, SimFixtures.Data.Measures, SimFixtures.Data.Climate, t.Carriers, t.Systems, t.Costs, t.Heating, null, table));
        Assert.Contains(ex.Issues, i => i.Message.Contains(message, StringComparison.Ordinal) && i.File == "consumption_calibration.csv");
    }

    private static SimulationResult Run(BuildingStock house, SimulationData data)
    {
        var constant = (double v) => (IReadOnlyDictionary<int, double>)new Dictionary<int, double> { [2025] = v };
        Scenario sc = new()
        {
            Name = "calibration",
            Horizon = new Horizon(2025, 2030),
            Packages = [new RenovationPackage { Id = "wall", Envelope = new EnvelopeTarget { WallInsulationCm = 15, RoofInsulationCm = 20 } }],
            Rules = [new EligibilityRule { Package = "wall" }],
            Uptake = new Uptake { RatePerYear = 1.0 },
            PricesEurPerKWh = new Dictionary<string, IReadOnlyDictionary<int, double>> { ["gas"] = constant(0.08) },
        };
        return Simulator.Run(house, data, sc);
    }

    /// <summary>The shipped carrier, system, cost and current-heating tables, for building engine data around one test table.</summary>
    private sealed record TwinFixturesTables(CsvTable Carriers, CsvTable Systems, CsvTable Costs, CsvTable Heating)
    {
        public static TwinFixturesTables Shipped()
        {
            string d = Path.Combine(TestPaths.Samples, "defaults");
            return new(CsvTable.Read(Path.Combine(d, "carriers.csv")), CsvTable.Read(Path.Combine(d, "heating_systems.csv")), CsvTable.Read(Path.Combine(d, "unit_costs.csv")), CsvTable.Read(Path.Combine(d, "current_heating.csv")));
        }
    }
}
