using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Typologies;

namespace Twin.Benchmarks;

/// <summary>
/// End-to-end stock load (read → validate → reproject → repair → party walls → typology → envelope):
/// the bundled real district (GeoJSON, 4,930 buildings) and a 1,000,000-building synthetic GeoParquet
/// stock (<see cref="SyntheticFeatures"/>, written once in setup, WGS 84 so reprojection is included).
/// Whole seconds per operation, so few iterations in monitoring mode.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class StockLoadBenchmarks
{
    private TypologyCatalog _catalog = null!;
    private StockLoadOptions _sampleOptions = null!;
    private string _sample = null!;
    private string _neighbourhoods = null!;
    private string _synthetic = null!;

    [GlobalSetup]
    public void Setup()
    {
        string typologies = Path.Combine(RepoPaths.Samples, "typologies");
        _catalog = TypologyCatalog.Load(Path.Combine(typologies, "tabula_PL_existing_state.csv"), Path.Combine(typologies, "tabula_PL_variants.csv"));
        string district = Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie");
        _sample = Path.Combine(district, "buildings.geojson");
        _neighbourhoods = Path.Combine(district, "neighbourhoods.geojson");
        _sampleOptions = new StockLoadOptions { Mapping = MappingFile.Read(Path.Combine(district, "bdot10k-mapping.json")) };
        _synthetic = Path.Combine(Path.GetTempPath(), "twin-bench-synthetic-1m.parquet");
        if (!File.Exists(_synthetic))
        {
            GeoParquetWriter.Write(SyntheticFeatures.Generate(1_000_000, seed: 1), _synthetic);
        }
    }

    [Benchmark]
    public int SampleDistrict_GeoJson_4930() => StockLoader.Load(_sample, _catalog, _sampleOptions, _neighbourhoods).Stock.Count;

    [Benchmark]
    public int Synthetic_GeoParquet_1M() => StockLoader.Load(_synthetic, _catalog).Stock.Count;
}
