using BenchmarkDotNet.Attributes;
using Twin.Core.IO;
using Twin.Sim.Climate;
using Twin.Sim.Engine;
using Twin.Sim.Physics;

namespace Twin.Benchmarks;

/// <summary>
/// The monthly balance kernel (12 periods, Warsaw 2019 climate) over 1,000,000 buildings held as columns.
/// One kernel evaluation = one building-year. Vector path on 2 cores (fixed chunks, as the engine runs it),
/// and the scalar reference on one core. building-years/s = 1,000,000 / mean time.
/// </summary>
[MemoryDiagnoser]
public class BalanceKernelBenchmarks
{
    private const int Buildings = 1_000_000;
    private const int Chunk = 4096;
    private ThermalColumns _columns = null!;
    private PeriodClimate _climate = null!;
    private double[] _need = null!, _weighted = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _columns = new ThermalColumns(Buildings);
        for (int i = 0; i < Buildings; i++)
        {
            double area = 80 + (rng.NextDouble() * 3000);
            _columns.ReferenceAreaM2[i] = area;
            _columns.TransmissionWPerK[i] = area * (0.3 + (rng.NextDouble() * 3.5));
            _columns.VentilationWPerK[i] = area * 0.5;
            for (int o = 1; o < 5; o++)
            {
                _columns.ApertureM2[o][i] = area * 0.02 * rng.NextDouble();
            }

            _columns.InternalGainsW[i] = area * 3;
            _columns.HeatCapacityWhPerK[i] = area * 45;
            _columns.InternalTemperatureC[i] = 20;
            _columns.ReductionAtHtr1[i] = 0.9;
            _columns.ReductionAtHtr4[i] = 0.8;
        }

        _climate = SimulationData.ClimateFromTable(CsvTable.Read(Path.Combine(RepoPaths.Samples, "weather", "warsaw_monthly_nsrdb2019.csv")), "Warsaw 2019", -18);
        _need = new double[Buildings];
        _weighted = new double[Buildings];
    }

    [Benchmark(Description = "monthly kernel, AVX2, 2 cores, 1M building-years")]
    public void VectorParallel() => Parallel.For(0, (Buildings + Chunk - 1) / Chunk, c =>
    {
        int start = c * Chunk, end = Math.Min(Buildings, start + Chunk);
        BalanceKernel.Run(_columns, _climate, start, end, _need.AsSpan(start, end - start), _weighted.AsSpan(start, end - start));
    });

    [Benchmark(Baseline = true, Description = "monthly kernel, scalar reference, 1 core, 1M building-years")]
    public void ScalarOneCore() => BalanceKernel.RunScalar(_columns, _climate, 0, Buildings, _need, _weighted);
}
