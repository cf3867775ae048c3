using Twin.Core.Validation;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests.Scenarios;

public sealed class ScenarioValidatorTests
{
    [Theory]
    [InlineData("bau")]
    [InlineData("shallow-heat-pump")]
    [InlineData("deep-district-heat")]
    [InlineData("advisor")]
    public void SampleScenarios_AreValid(string name) => Assert.Empty(ScenarioValidator.Validate(SimFixtures.Scenario(name)));

    [Fact]
    public void BadScenario_ReportsEveryProblemWithItsPath()
    {
        const string json = """
        {
          "schemaVersion": 2,
          "name": "",
          "horizon": { "startYear": 2050, "endYear": 2025 },
          "discountRate": -0.1,
          "packages": [
            { "id": "a", "heating": "steam-engine", "pvRoofShare": 1.5, "envelope": { "variant": "medium", "wallUWPerM2K": 0.01 } },
            { "id": "a" }
          ],
          "rules": [ { "package": "b", "sizeClasses": ["XXL"], "currentHeating": ["fireplace"] } ],
          "uptake": { "ratePerYear": 2 },
          "emissionFactorsKgPerKWh": { "unobtainium": { "2025": 0.1 }, "gas": { "2025": 9 } },
          "subsidies": [ { "name": "s", "share": 1.5, "packages": ["zzz"] } ]
        }
        """;
        IReadOnlyList<ScenarioProblem> p = ScenarioValidator.Validate(ScenarioJson.Parse(json, "bad.json"));
        string[] expectedPaths =
        [
            "$.schemaVersion", "$.name", "$.horizon", "$.discountRate", "$.packages[0].heating", "$.packages[0].pvRoofShare",
            "$.packages[0].envelope.variant", "$.packages[0].envelope.wallUWPerM2K", "$.packages[1].id", "$.rules[0].package",
            "$.rules[0].sizeClasses", "$.rules[0].currentHeating", "$.uptake.ratePerYear", "$.emissionFactorsKgPerKWh.unobtainium",
            "$.emissionFactorsKgPerKWh.gas.2025", "$.subsidies[0].share", "$.subsidies[0].packages",
        ];
        foreach (string path in expectedPaths)
        {
            Assert.Contains(p, x => x.Path == path);
        }

        Assert.Equal(expectedPaths.Length, p.Count);
        Assert.Contains(p, x => x.Message.Contains("air-heat-pump", StringComparison.Ordinal)); // the fix hint lists valid generators
    }

    [Fact]
    public void MalformedJson_NamesLineAndPath()
    {
        var ex = Assert.Throws<InputException>(() => ScenarioJson.Parse("{\n \"name\": \"x\",\n \"horizon\": { \"startYear\": \"soon\" } }", "s.json"));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal("s.json", issue.File);
        Assert.Contains("line 3", issue.Field, StringComparison.Ordinal);
        Assert.Contains("startYear", issue.Field, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_WriteThenParse_Equal()
    {
        Scenario s = SimFixtures.Scenario("deep-district-heat");
        Scenario back = ScenarioJson.Parse(ScenarioJson.Write(s), "roundtrip");
        Assert.Equal(ScenarioJson.Write(s), ScenarioJson.Write(back));
    }
}
