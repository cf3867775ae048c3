using Twin.Core.IO;
using Twin.Sim.Climate;
using Twin.Sim.Physics;

namespace Twin.Sim.Tests.Physics;

public sealed class BalanceKernelTests
{
    [Fact]
    public void SeasonalKernel_OnTabulaReferenceBuildings_EqualsScalarTabulaBalance()
    {
        var rows = CsvTable.Read(Path.Combine(TestPaths.Typologies, "tabula_PL_existing_state.csv")).ToDictionaries();
        var buildings = rows.Select(TabulaBuilding.FromRow).ToArray();
        var columns = new ThermalColumns(buildings.Length);
        for (int i = 0; i < buildings.Length; i++)
        {
            columns.Set(i, buildings[i]);
        }

        var climate = PeriodClimate.TabulaSeason("PL.N", 242, 2.8, 647, 462, 560, 448, 391);
        double[] need = new double[buildings.Length], weighted = new double[buildings.Length];
        BalanceKernel.Run(columns, climate, 0, buildings.Length, need, weighted);
        for (int i = 0; i < buildings.Length; i++)
        {
            double expected = buildings[i].HeatNeed().HeatNeedKWhPerM2 * buildings[i].ReferenceAreaM2;
            Assert.Equal(expected, need[i], expected * 1e-12);
            Assert.Equal(2.8, weighted[i], 1e-12); // one period: the weighted temperature is the season's
        }
    }

    [Fact]
    public void MonthlyKernel_WithoutGains_IsHeatLossTimesDegreeHours()
    {
        // One building, H_tr = 100 W/K, H_ve = 50 W/K, no windows, no internal gains, h_tr per m² = 1 → F_red = F_red,htr1 = 1.
        var c = new ThermalColumns(1);
        c.ReferenceAreaM2[0] = 100;
        c.TransmissionWPerK[0] = 100;
        c.VentilationWPerK[0] = 50;
        c.InternalTemperatureC[0] = 20;
        c.HeatCapacityWhPerK[0] = 4500;
        c.ReductionAtHtr1[0] = 1.0;
        c.ReductionAtHtr4[0] = 1.0;
        double[] days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        double[] theta = [-2, -1, 3, 8, 13, 16, 18, 18, 13, 8, 3, 0];
        var zero = Enumerable.Range(0, 5).Select(_ => new double[12]).ToArray();
        var climate = new PeriodClimate("test", "test", days, theta, zero, IsSeasonal: false);
        double[] need = new double[1], weighted = new double[1];
        BalanceKernel.Run(c, climate, 0, 1, need, weighted);
        double expected = Enumerable.Range(0, 12).Sum(m => 150.0 * (20 - theta[m]) * days[m] * 24 / 1000.0);
        Assert.Equal(expected, need[0], 1e-9);
    }

    [Fact]
    public void MonthlyKernel_SummerWithLargeGains_NoNeed()
    {
        var c = new ThermalColumns(1);
        c.ReferenceAreaM2[0] = 100;
        c.TransmissionWPerK[0] = 50;
        c.VentilationWPerK[0] = 20;
        c.InternalTemperatureC[0] = 20;
        c.HeatCapacityWhPerK[0] = 4500;
        c.InternalGainsW[0] = 300;
        c.ReductionAtHtr1[0] = 0.9;
        c.ReductionAtHtr4[0] = 0.8;
        c.ApertureM2[2][0] = 5;
        var climate = new PeriodClimate("july", "test", [31], [19.5], [[150], [90], [90], [90], [60]], IsSeasonal: false);
        double[] need = new double[1], weighted = new double[1];
        BalanceKernel.Run(c, climate, 0, 1, need, weighted);
        Assert.InRange(need[0], 0.0, 1e-3); // γ ≫ 1: η·γ → 1, the need vanishes
    }
}
