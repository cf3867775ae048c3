using Twin.Sim.Economics;
using Twin.Sim.Systems;

namespace Twin.Sim.Tests.Economics;

/// <summary>Hand-checked economics and system figures.</summary>
public sealed class EconomicsTests
{
    [Fact]
    public void ThicknessForUTarget_MatchesHandCalculation()
    {
        // Wall U 1.3 → 0.2096 W/(m²K) with λ 0.035: d = 0.035·(1/0.2096 − 1/1.3) = 0.1400 m (the PL 16 cm polystyrene measure has R = 4 → d/λ_PS = 0.16/0.04).
        Assert.Equal(14.0, PackageCosting.ThicknessCm(1.3, 1.0 / ((1.0 / 1.3) + 4.0), 0.035), 1e-9);
        Assert.Equal(0.0, PackageCosting.ThicknessCm(0.2, 0.3, 0.035)); // never "insulates" to a worse U
    }

    [Theory]
    [InlineData(0.03, 2025, 2025, 1.0)]
    [InlineData(0.03, 2026, 2025, 0.970873786407767)]
    [InlineData(0.03, 2035, 2025, 0.744093914896725)]
    public void DiscountFactor_IsInverseCompound(double rate, int year, int baseYear, double expected) => Assert.Equal(expected, Finance.DiscountFactor(rate, year, baseYear), 1e-12);

    [Theory]
    [InlineData(1000, 40, 2030, 2050, 475)] // 21 of 40 years used → 19/40 left
    [InlineData(1000, 20, 2025, 2050, 0)]
    [InlineData(1000, 0, 2025, 2050, 0)]
    public void ResidualValue_StraightLine(double investment, int life, int install, int last, double expected) => Assert.Equal(expected, Finance.ResidualValue(investment, life, install, last), 1e-9);

    [Theory]
    [InlineData(HeatingSystem.AirHeatPump, 5, 35, 3.747)] // ΔT 30: 6.81 − 3.63 + 0.567
    [InlineData(HeatingSystem.AirHeatPump, 0, 55, 2.06075)] // ΔT 55: 6.81 − 6.655 + 1.90575
    [InlineData(HeatingSystem.GroundHeatPump, 5, 35, 4.9306)] // 8.77 − 4.5 + 0.6606
    public void HeatPumpCop_StaffellRegression(HeatingSystem system, double source, double sink, double expected) => Assert.Equal(expected, HeatPump.Cop(system, source, sink), 1e-9);

    [Fact]
    public void FlowTemperature_HigherForLeakyBuildings()
    {
        Assert.Equal(35.0, HeatPump.FlowTemperatureC(20));
        Assert.Equal(45.0, HeatPump.FlowTemperatureC(60));
        Assert.Equal(55.0, HeatPump.FlowTemperatureC(150));
    }

    [Fact]
    public void Trajectory_LinearBetweenPoints_ConstantOutside()
    {
        var t = new Trajectory(new Dictionary<int, double> { [2025] = 0.6, [2050] = 0.1 });
        Assert.Equal(0.6, t.At(2020));
        Assert.Equal(0.4, t.At(2035), 1e-12);
        Assert.Equal(0.1, t.At(2060));
    }

    [Fact]
    public void EnergyClassTable_Shipped_EqualsGeg2020()
    {
        var scale = Twin.Sim.Engine.SimulationData.ClassScaleFromTable(Twin.Core.IO.CsvTable.Read(Path.Combine(TestPaths.Samples, "defaults", "energy_classes_geg2020.csv")));
        Assert.Equal(EnergyClassScale.Geg2020.Classes, scale.Classes);
        Assert.Equal(EnergyClassScale.Geg2020.UpperBoundsKWhPerM2, scale.UpperBoundsKWhPerM2);
    }

    [Fact]
    public void EnergyClass_Geg2020Bounds()
    {
        Assert.Equal("A+", EnergyClassScale.Geg2020.ClassOf(29.9));
        Assert.Equal("A", EnergyClassScale.Geg2020.ClassOf(30));
        Assert.Equal("D", EnergyClassScale.Geg2020.ClassOf(129));
        Assert.Equal("H", EnergyClassScale.Geg2020.ClassOf(400));
    }
}
