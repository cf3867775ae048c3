using System.Text.Json;
using Twin.Core.Validation;
using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests.IO;

public sealed class RunDirectoryTests
{
    [Fact]
    public void WrittenRun_OpensComplete_WithTheSameHeadline()
    {
        ScenarioRun run = PipelineFixtures.SampleRuns[1];
        RunOutput back = RunDirectory.Open(Path.Combine(PipelineFixtures.SampleRunFolders, "shallow-heat-pump"));
        Assert.True(back.Manifest.Complete);
        Assert.Equal(PipelineFixtures.SampleStock.Fingerprint, back.Manifest.StockFingerprint);
        Assert.Equal(["buildings.gpkg", "buildings.parquet", "issues.csv", "neighbourhoods.csv", "neighbourhoods.parquet", "rejects.geojson", "years.csv", "years.parquet"], back.Manifest.Outputs.Select(o => o.File));
        Headline a = run.Headline, b = back.Headline;
        Assert.Equal(a.Renovated, b.Renovated);
        Assert.Equal(a.InvestmentEur, b.InvestmentEur, a.InvestmentEur * 1e-9);
        Assert.Equal(a.EurPerTonneAvoided, b.EurPerTonneAvoided, Math.Abs(a.EurPerTonneAvoided) * 1e-6);
        Assert.Equal(a.Co2Kg, b.Co2Kg, new ToleranceComparer(1e-3)); // years.csv holds values rounded to the gram
        Assert.Equal("Shallow envelope + heat pumps", back.Title);
        Assert.StartsWith(EngineInfo.Version, back.Manifest.EngineVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthlyClimateThatIsAlsoThePvTable_BothRolesHashed()
    {
        // The README's --climate example: the same file is the climate and the PV irradiation table (it was hashed twice
        // into one dictionary and the run crashed after writing its outputs).
        string climate = Path.Combine(PipelineFixtures.Data.Folder, "weather", "warsaw_monthly_nsrdb2019.csv");
        TwinData data = TwinData.Load(null, climate);
        ScenarioRun run = ScenarioRun.Execute(PipelineFixtures.SampleStock, data, PipelineFixtures.Scenario("bau"));
        RunOutput back = RunDirectory.Open(RunDirectory.Write(run, Path.Combine(RepoPaths.NewTempDir(), "bau"), new RunOptions { Formats = OutputFormats.GeoParquet }));
        var roles = back.Manifest.Inputs.Where(i => i.Path == Path.GetFullPath(climate)).Select(i => i.Role).ToArray();
        Assert.Equal(["climate", "data:pv-irradiation"], roles);
        Assert.Equal("warsaw_monthly_nsrdb2019", back.Manifest.Climate);
        Assert.Equal(["buildings.parquet", "issues.csv", "neighbourhoods.csv", "neighbourhoods.parquet", "rejects.geojson", "years.csv", "years.parquet"], back.Manifest.Outputs.Select(o => o.File));
    }

    [Fact]
    public void TwoRunsOfOneName_AreRefused_BeforeAnythingIsWritten()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "runs");
        ScenarioRun bau = PipelineFixtures.SampleRuns[0];
        var ex = Assert.Throws<InputException>(() => RunDirectory.WriteAll([PipelineFixtures.SampleRuns[1], bau, bau], dir));
        Assert.Contains("is the name of two scenarios", ex.Issues[0].Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void FolderWithoutManifest_IsRefused()
    {
        string dir = CopyOfRun();
        File.Delete(Path.Combine(dir, "manifest.json"));
        DataIssue issue = Assert.Single(Assert.Throws<InputException>(() => RunDirectory.Open(dir)).Issues);
        Assert.Equal(IssueCodes.IncompleteRun, issue.Code);
        Assert.Contains("no manifest.json", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestNotMarkedComplete_IsRefused()
    {
        string dir = CopyOfRun();
        string manifest = Path.Combine(dir, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"complete\": true", "\"complete\": false", StringComparison.Ordinal));
        Assert.Equal("complete", Assert.Single(Assert.Throws<InputException>(() => RunDirectory.Open(dir)).Issues).Field);
    }

    [Fact]
    public void ManifestOfAnOlderTwin_IsRefused_SayingSo()
    {
        string dir = CopyOfRun();
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """{ "scenario": "bau", "seed": 1, "engine_version": "1.0.0.0", "inputs_sha256": {} }""");
        DataIssue issue = Assert.Single(Assert.Throws<InputException>(() => RunDirectory.Open(dir)).Issues);
        Assert.Contains("manifest format 0", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOfAnotherRun_IsRefused()
    {
        string dir = CopyOfRun();
        File.Copy(Path.Combine(PipelineFixtures.SampleRunFolders, "deep-district-heat", "years.csv"), Path.Combine(dir, "years.csv"), overwrite: true);
        DataIssue issue = Assert.Single(Assert.Throws<InputException>(() => RunDirectory.Open(dir)).Issues);
        Assert.EndsWith("years.csv", issue.File, StringComparison.Ordinal);
        Assert.Contains("mixes files of two runs", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OverAFolderTwinDidNotWrite_IsRefusedAndLeavesItAlone()
    {
        string dir = RepoPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "thesis.docx"), "mine");
        var ex = Assert.Throws<InputException>(() => RunDirectory.Write(PipelineFixtures.SampleRuns[0], dir));
        Assert.Contains("thesis.docx", Assert.Single(ex.Issues).Message, StringComparison.Ordinal);
        Assert.Equal(["thesis.docx"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_OverAnEarlierRun_ReplacesItWhole_AndLeavesNoTemporaryFolders()
    {
        string parent = RepoPaths.NewTempDir();
        string dir = Path.Combine(parent, "run");
        RunDirectory.Write(PipelineFixtures.SampleRuns[0], dir);
        string first = RunDirectory.Open(dir).Manifest.RunId;
        RunDirectory.Write(PipelineFixtures.SampleRuns[2], dir, new RunOptions { Formats = OutputFormats.GeoParquet });
        RunOutput second = RunDirectory.Open(dir);
        Assert.NotEqual(first, second.Manifest.RunId);
        Assert.Equal("deep-district-heat", second.Manifest.Scenario);
        Assert.False(File.Exists(Path.Combine(dir, "buildings.gpkg")), "nothing of the first run survives");
        Assert.Equal(["run"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void Cancelled_LeavesNothingBehind()
    {
        string parent = RepoPaths.NewTempDir();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RunDirectory.Write(PipelineFixtures.SampleRuns[0], Path.Combine(parent, "run"), new RunOptions { Cancellation = cts.Token }));
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public void Manifest_ListsEveryInputWithItsRole()
    {
        using JsonDocument m = JsonDocument.Parse(File.ReadAllText(Path.Combine(PipelineFixtures.SampleRunFolders, "bau", "manifest.json")));
        string[] roles = m.RootElement.GetProperty("inputs").EnumerateArray().Select(e => e.GetProperty("role").GetString()!).ToArray();
        Assert.Equal(["stock", "mapping", "neighbourhoods", "scenario"], roles[..4]);
        Assert.Contains("data:unit-costs", roles);
        Assert.Equal(2025, m.RootElement.GetProperty("reference_year").GetInt32());
    }

    private static string CopyOfRun()
    {
        string source = Path.Combine(PipelineFixtures.SampleRunFolders, "bau"), dir = Path.Combine(RepoPaths.NewTempDir(), "bau");
        Directory.CreateDirectory(dir);
        foreach (string f in Directory.EnumerateFiles(source))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        return dir;
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
