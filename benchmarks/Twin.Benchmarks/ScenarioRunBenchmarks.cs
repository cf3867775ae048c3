using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Twin.Cli.Runs;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Benchmarks;

/// <summary>
/// End to end: 1,000,000 synthetic buildings from GeoParquet → load, validate, measure, type → 5 scenarios ×
/// 26 years → per-building GeoParquet + per-year Parquet for each scenario. What `twin run --scenario a b c d e`
/// does, minus console output. Peak memory: measure the process (README of this folder).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ScenarioRunBenchmarks
{
    private string _stock = null!;
    private string _out = null!;
    private SimulationData _data = null!;
    private Scenario[] _scenarios = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stock = Path.Combine(Path.GetTempPath(), "twin-bench-synthetic-1m.parquet");
        if (!File.Exists(_stock))
        {
            GeoParquetWriter.Write(SyntheticFeatures.Generate(1_000_000, seed: 1), _stock);
        }

        _out = Path.Combine(Path.GetTempPath(), "twin-bench-runs");
        _data = EngineInputs.Load(RepoPaths.Samples);
        string dir = Path.Combine(RepoPaths.Samples, "scenarios");
        Scenario Read(string n) => ScenarioJson.Parse(File.ReadAllText(Path.Combine(dir, n + ".json")), n);
        _scenarios =
        [
            Read("bau"),
            Read("shallow-heat-pump"),
            Read("deep-district-heat"),
            Read("bau") with { Name = "bau-random", Uptake = new Uptake { RatePerYear = 0.01, Order = UptakeOrder.Random } },
            Read("shallow-heat-pump") with { Name = "shallow-fast", Uptake = new Uptake { RatePerYear = 0.05 } },
        ];
    }

    [Benchmark(Description = "1M buildings x 5 scenarios x 26 years, GeoParquet to GeoParquet")]
    public int OneMillionFiveScenarios()
    {
        LoadResult load = StockLoader.Load(_stock, _data.Typologies);
        EncodedGeometries footprints = ResultExport.EncodeFootprints(load.Stock);
        int renovated = 0;
        foreach (Scenario s in _scenarios)
        {
            SimulationResult r = Simulator.Run(load.Stock, _data, s);
            string dir = Path.Combine(_out, s.Name);
            Directory.CreateDirectory(dir);
            GeoParquetWriter.Write(ResultExport.Buildings(load.Stock, _data, r), Path.Combine(dir, "buildings.parquet"), encoded: footprints);
            ParquetTableWriter.Write(ResultExport.Years(r), Path.Combine(dir, "years.parquet"));
            renovated += r.RenovatedTotal;
        }

        return renovated;
    }
}
