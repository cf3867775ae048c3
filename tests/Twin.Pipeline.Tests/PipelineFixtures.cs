using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests;

/// <summary>The reference data shipped beside the test binaries, the sample stock and its three runs, each made once per test run.</summary>
internal static class PipelineFixtures
{
    private static readonly Lazy<TwinData> LazyData = new(TwinData.Load);
    private static readonly Lazy<TwinStock> LazySample = new(() => TwinStock.Load(Data.Sample.Stock, Data));
    private static readonly Lazy<IReadOnlyList<ScenarioRun>> LazyRuns = new(() => ScenarioRun.ExecuteAll(SampleStock, Data, ScenarioFile.LoadAll(Data.Sample.ScenarioPaths)));
    private static readonly Lazy<string> LazyFolders = new(() =>
    {
        string dir = RepoPaths.NewTempDir();
        RunDirectory.WriteAll(SampleRuns, dir);
        return dir;
    });

    public static TwinData Data => LazyData.Value;

    public static TwinStock SampleStock => LazySample.Value;

    /// <summary>bau, shallow-heat-pump, deep-district-heat over the sample.</summary>
    public static IReadOnlyList<ScenarioRun> SampleRuns => LazyRuns.Value;

    /// <summary>A folder holding the three sample runs' folders (do not modify: shared by tests).</summary>
    public static string SampleRunFolders => LazyFolders.Value;

    public static ScenarioFile Scenario(string name) => ScenarioFile.Load(Path.Combine(Data.Folder, "scenarios", name + ".json"));
}
