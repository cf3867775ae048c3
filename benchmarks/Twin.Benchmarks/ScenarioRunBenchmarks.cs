using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Twin.Core.IO;
using Twin.Pipeline;
using Twin.Pipeline.IO;
using Twin.Sim.Scenarios;

namespace Twin.Benchmarks;

/// <summary>
/// End to end through the run library: 1,000,000 synthetic buildings from GeoParquet → load, validate, measure, type →
/// 5 scenarios × 26 years → a complete run folder per scenario (GeoParquet buildings, per-year and per-neighbourhood
/// tables, manifest). What `twin run --scenario a b c d e --format geoparquet` does, minus console output. Peak memory:
/// measure the process (README of this folder).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ScenarioRunBenchmarks
{
    private string _stock = null!;
    private string _out = null!;
    private TwinData _data = null!;
    private ScenarioFile[] _scenarios = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stock = Path.Combine(Path.GetTempPath(), "twin-bench-synthetic-1m.parquet");
        if (!File.Exists(_stock))
        {
            GeoParquetWriter.Write(SyntheticFeatures.Generate(1_000_000, seed: 1), _stock);
        }

        _out = Path.Combine(Path.GetTempPath(), "twin-bench-runs");
        _data = TwinData.Load();
        ScenarioFile Read(string n) => ScenarioFile.Load(Path.Combine(_data.Folder, "scenarios", n + ".json"));
        ScenarioFile bau = Read("bau"), shallow = Read("shallow-heat-pump");
        _scenarios =
        [
            bau,
            shallow,
            Read("deep-district-heat"),
            bau with { Scenario = bau.Scenario with { Name = "bau-random", Uptake = new Uptake { RatePerYear = 0.01, Order = UptakeOrder.Random } } },
            shallow with { Scenario = shallow.Scenario with { Name = "shallow-fast", Uptake = new Uptake { RatePerYear = 0.05 } } },
        ];
    }

    [Benchmark(Description = "1M buildings x 5 scenarios x 26 years, GeoParquet to run folders")]
    public int OneMillionFiveScenarios()
    {
        var options = new RunOptions { Formats = OutputFormats.GeoParquet };
        TwinStock stock = TwinStock.Load(new StockSource { Path = _stock }, _data, options);
        int renovated = 0;
        foreach (ScenarioFile s in _scenarios)
        {
            ScenarioRun run = ScenarioRun.Execute(stock, _data, s, options);
            RunDirectory.Write(run, Path.Combine(_out, s.Scenario.Name), options);
            renovated += run.Headline.Renovated;
        }

        return renovated;
    }
}
