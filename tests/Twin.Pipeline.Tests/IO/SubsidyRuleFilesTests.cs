using Twin.Core.Validation;
using Twin.Pipeline.Advice;

namespace Twin.Pipeline.Tests.IO;

/// <summary>Support programmes named from scenarios by rule file: resolution, overrides, the manifest, and what a typo gets.</summary>
public sealed class SubsidyRuleFilesTests
{
    private static string Scenario(string subsidies)
    {
        string dir = Path.Combine(Twin.Tests.Shared.RepoPaths.NewTempDir(), "scenarios");
        Directory.CreateDirectory(dir);
        Directory.CreateDirectory(Path.Combine(dir, "..", "subsidies"));
        File.Copy(Path.Combine(Twin.Tests.Shared.RepoPaths.Samples, "subsidies", "czyste-powietrze-2025.json"), Path.Combine(dir, "..", "subsidies", "czyste-powietrze-2025.json"));
        string path = Path.Combine(dir, "s.json");
        File.WriteAllText(path, "{ \"name\": \"s\", \"horizon\": { \"startYear\": 2025, \"endYear\": 2030 }, \"packages\": [{ \"id\": \"p\", \"heating\": \"air-heat-pump\" }], \"rules\": [{ \"package\": \"p\" }], \"subsidies\": [" + subsidies + "] }");
        return path;
    }

    [Fact]
    public void RuleName_IsReplacedByTheFile_EntryMembersOverride_FileRecorded()
    {
        ScenarioFile f = ScenarioFile.Load(Scenario("{ \"rules\": \"czyste-powietrze-2025\", \"tier\": \"increased\" }"));
        var cp = Assert.Single(f.Scenario.Subsidies);
        Assert.Equal("czyste-powietrze-2025", cp.Name);
        Assert.Equal("increased", cp.Tier);
        Assert.Equal(0.7, cp.ShareByTier[cp.Tier!]);
        Assert.EndsWith(Path.Combine("subsidies", "czyste-powietrze-2025.json"), Assert.Single(f.RuleFiles), StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltRuleName_IsAnError_WithTheJsonPathAndTheNearestFile()
    {
        var ex = Assert.Throws<InputException>(() => ScenarioFile.Load(Scenario("{ \"rules\": \"czyste-powietze-2025\" }")));
        DataIssue i = Assert.Single(ex.Issues);
        Assert.Equal("$.subsidies[0].rules", i.Field);
        Assert.Contains("Did you mean czyste-powietrze-2025?", i.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TierNotInTheFile_IsRefused_ByTheScenarioAndByTheAdvisorOption()
    {
        var ex = Assert.Throws<InputException>(() => ScenarioFile.Load(Scenario("{ \"rules\": \"czyste-powietrze-2025\", \"tier\": \"rich\" }")));
        Assert.Contains(ex.Issues, i => i.Field == "$.subsidies[0].tier");
        var cli = Assert.Throws<InputException>(() => Advising.WithIncomeTier(PipelineFixtures.Scenario("advisor"), "hihgest"));
        Assert.Contains("Did you mean highest?", Assert.Single(cli.Issues).Hint, StringComparison.Ordinal);
        Assert.Equal("highest", Advising.WithIncomeTier(PipelineFixtures.Scenario("advisor"), "HIGHEST").Scenario.Subsidies[0].Tier);
    }

    [Fact]
    public void ScenarioKeptElsewhere_NamesTheShippedProgrammes_ABadRulesValueIsAnError()
    {
        string path = Path.Combine(Twin.Tests.Shared.RepoPaths.NewTempDir(), "mine.json");
        const string Head = "{ \"name\": \"s\", \"horizon\": { \"startYear\": 2025, \"endYear\": 2030 }, \"packages\": [{ \"id\": \"p\", \"heating\": \"air-heat-pump\" }], \"rules\": [{ \"package\": \"p\" }], \"subsidies\": [";
        File.WriteAllText(path, Head + "{ \"rules\": \"premia-termomodernizacyjna-2022\" }] }");
        ScenarioFile f = ScenarioFile.Load(path);
        Assert.Equal(0.16, Assert.Single(f.Scenario.Subsidies).Share);
        Assert.StartsWith(Path.GetFullPath(TwinData.DefaultFolder), Assert.Single(f.RuleFiles), StringComparison.Ordinal);

        File.WriteAllText(path, Head + "{ \"rules\": 7 }] }");
        var ex = Assert.Throws<InputException>(() => ScenarioFile.Load(path));
        Assert.Equal("$.subsidies[0].rules", Assert.Single(ex.Issues).Field);
    }

    [Fact]
    public void ErrorInAScenarioWithRuleFiles_HasTheFilesLineNumber()
    {
        string path = Scenario("{ \"rules\": \"czyste-powietrze-2025\" }");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"horizon\"", "\n\n\"discountRate\": \"x\",\n\"horizon\"", StringComparison.Ordinal));
        var ex = Assert.Throws<InputException>(() => ScenarioFile.Load(path));
        DataIssue i = Assert.Single(ex.Issues);
        Assert.Equal("$.discountRate (line 3)", i.Field); // not line 1 of the merged, one-line JSON
    }
}
