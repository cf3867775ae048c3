using Twin.Pipeline;

namespace Twin.Pipeline.Tests;

/// <summary>The reference data shipped beside the test binaries and the sample stock, loaded once per test run.</summary>
internal static class PipelineFixtures
{
    private static readonly Lazy<TwinData> LazyData = new(TwinData.Load);
    private static readonly Lazy<TwinStock> LazySample = new(() => TwinStock.Load(Data.Sample.Stock, Data));

    public static TwinData Data => LazyData.Value;

    public static TwinStock SampleStock => LazySample.Value;

    public static ScenarioFile Scenario(string name) => ScenarioFile.Load(Path.Combine(Data.Folder, "scenarios", name + ".json"));
}
