using Twin.Core.Validation;
using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public void RunsOfTheSameStock_Open()
    {
        string[] dirs = SampleDistrict.ScenarioNames.Select(n => Path.Combine(PipelineFixtures.SampleRunFolders, n)).ToArray();
        Assert.Equal(3, Comparison.OpenSameStock(dirs).Count);
    }

    [Fact]
    public void SameRunTwice_IsRefused_SameTitleIsToldApart()
    {
        string bau = Path.Combine(PipelineFixtures.SampleRunFolders, "bau");
        DataIssue twice = Assert.Single(Assert.Throws<InputException>(() => Comparison.OpenSameStock([bau, bau + "/"])).Issues);
        Assert.Contains("given twice", twice.Message, StringComparison.Ordinal);

        string copy = Path.Combine(RepoPaths.NewTempDir(), "bau-again");
        RunDirectory.Write(PipelineFixtures.SampleRuns[0], copy, new RunOptions { Formats = OutputFormats.GeoParquet });
        IReadOnlyList<string> titles = Comparison.Titles(Comparison.OpenSameStock([bau, copy]));
        Assert.Equal(["Business as usual (bau)", "Business as usual (bau-again)"], titles);
    }

    [Fact]
    public void RunsOfDifferentStocks_AreRefused_NamingTheFolder()
    {
        // The same buildings without one of them is another stock: totals and maps would compare unlike with unlike.
        string geojson = Path.Combine(PipelineFixtures.Data.Sample.Folder, "buildings.geojson");
        string fewer = Path.Combine(RepoPaths.NewTempDir(), "fewer.geojson");
        string text = File.ReadAllText(geojson);
        int second = text.IndexOf("{\"type\":\"Feature\"", text.IndexOf("{\"type\":\"Feature\"", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        File.WriteAllText(fewer, text[..text.IndexOf("{\"type\":\"Feature\"", StringComparison.Ordinal)] + text[second..]);
        TwinStock other = TwinStock.Load(PipelineFixtures.Data.Sample.Stock with { Path = fewer }, PipelineFixtures.Data);
        Assert.Equal(PipelineFixtures.SampleStock.Buildings.Count - 1, other.Buildings.Count);
        string otherRun = RunDirectory.Write(ScenarioRun.Execute(other, PipelineFixtures.Data, PipelineFixtures.Scenario("bau")), Path.Combine(RepoPaths.NewTempDir(), "bau"), new RunOptions { Formats = OutputFormats.GeoParquet });

        var ex = Assert.Throws<InputException>(() => Comparison.OpenSameStock([Path.Combine(PipelineFixtures.SampleRunFolders, "bau"), otherRun]));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal(IssueCodes.DifferentStocks, issue.Code);
        Assert.Equal(otherRun, issue.File);
    }
}
