using Twin.Core.IO;
using Twin.Sim.Climate;
using Twin.Sim.Physics;

namespace Twin.Sim.Tests.Physics;

public sealed class BalanceKernelTests
{
    /// <summary>The AVX path computes γ^a as exp(a·ln γ) instead of Math.Pow: agreement to ~1e-13 observed, 1e-10 required.</summary>
    private const double VectorRelativeTolerance = 1e-10;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void VectorKernel_AgreesWithScalarReference(bool monthly)
    {
        var rng = new Random(7);
        const int N = 1003; // not a multiple of the vector width: the tail runs scalar
        var c = new ThermalColumns(N);
        for (int i = 0; i < N; i++)
        {
            double area = 50 + (rng.NextDouble() * 5000);
            c.ReferenceAreaM2[i] = i % 97 == 0 ? 0 : area; // some buildings without area
            c.TransmissionWPerK[i] = area * (0.2 + (rng.NextDouble() * 4.5));
            c.VentilationWPerK[i] = area * (0.2 + (rng.NextDouble() * 0.6));
            for (int o = 0; o < 5; o++)
            {
                c.ApertureM2[o][i] = area * rng.NextDouble() * 0.05;
            }

            c.InternalGainsW[i] = area * 3;
            c.HeatCapacityWhPerK[i] = area * 45;
            c.InternalTemperatureC[i] = 20;
            c.ReductionAtHtr1[i] = 0.9;
            c.ReductionAtHtr4[i] = 0.8;
        }

        PeriodClimate climate = monthly
            ? Twin.Sim.Engine.SimulationData.ClimateFromTable(CsvTable.Read(Path.Combine(TestPaths.Samples, "weather", "warsaw_monthly_nsrdb2019.csv")), "m", -18)
            : PeriodClimate.TabulaSeason("PL.N", 242, 2.8, 647, 462, 560, 448, 391);
        double[] need = new double[N], w = new double[N], needRef = new double[N], wRef = new double[N];
        BalanceKernel.Run(c, climate, 0, N, need, w);
        BalanceKernel.RunScalar(c, climate, 0, N, needRef, wRef);
        for (int i = 0; i < N; i++)
        {
            Assert.Equal(needRef[i], need[i], Math.Max(1e-9, needRef[i] * VectorRelativeTolerance));
            Assert.Equal(double.IsNaN(wRef[i]), double.IsNaN(w[i]));
        }

        Assert.Contains(need, x => x > 0);
    }

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
            Assert.Equal(expected, need[i], expected * VectorRelativeTolerance);
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
