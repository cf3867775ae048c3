using System.Text.Json;
using Twin.Pipeline;
using Twin.Tests.Shared;

namespace Twin.Regression.Tests;

/// <summary>
/// The sample's reviewed numbers (tests/Regression/expected/sample.json): per scenario the renovated and simulated
/// counts, investment, subsidy, CO₂ and the no-renovation CO₂ of every year, and EUR per tonne avoided. These numbers were
/// reviewed when they were written; a change is a reviewed decision (README.md of this folder says how to regenerate).
/// </summary>
public sealed class SampleRegressionTests
{
    /// <summary>Relative tolerance: the engine is deterministic, this only absorbs last-bit differences between CPUs' vector units.</summary>
    private const double Relative = 1e-9;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string ExpectedPath => Path.Combine(RepoPaths.Root, "tests", "Regression", "expected", "sample.json");

    [Fact]
    public void SampleScenarios_MatchTheReviewedNumbers()
    {
        TwinData data = TwinData.Load();
        TwinStock stock = TwinStock.Load(data.Sample.Stock, data);
        List<ScenarioNumbers> actual = ScenarioRun.ExecuteAll(stock, data, ScenarioFile.LoadAll(data.Sample.ScenarioPaths)).Select(r => ScenarioNumbers.Of(r.Headline)).ToList();
        if (Environment.GetEnvironmentVariable("TWIN_REGENERATE") == "1")
        {
            File.WriteAllText(ExpectedPath, JsonSerializer.Serialize(actual, Json) + "\n");
            Assert.Fail($"TWIN_REGENERATE=1: {ExpectedPath} rewritten; review `git diff tests/Regression` and commit it with the reason.");
        }

        List<ScenarioNumbers> expected = JsonSerializer.Deserialize<List<ScenarioNumbers>>(File.ReadAllText(ExpectedPath), Json)!;
        Assert.Equal(expected.Select(e => e.Scenario), actual.Select(a => a.Scenario));
        foreach ((ScenarioNumbers e, ScenarioNumbers a) in expected.Zip(actual))
        {
            Assert.Equal(e.Simulated, a.Simulated);
            Assert.Equal(e.Renovated, a.Renovated);
            Close(e.InvestmentEur, a.InvestmentEur, $"{e.Scenario} investment");
            Close(e.SubsidyEur, a.SubsidyEur, $"{e.Scenario} subsidy");
            Close(e.EurPerTonneAvoided, a.EurPerTonneAvoided, $"{e.Scenario} EUR/t");
            Assert.Equal(e.Years, a.Years);
            for (int k = 0; k < e.Years.Count; k++)
            {
                Close(e.Co2Kg[k], a.Co2Kg[k], $"{e.Scenario} CO₂ {e.Years[k]}");
                Close(e.Co2NoRenovationKg[k], a.Co2NoRenovationKg[k], $"{e.Scenario} CO₂ without renovation {e.Years[k]}");
            }
        }
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>One scenario's reviewed numbers.</summary>
    public sealed record ScenarioNumbers(string Scenario, int Simulated, int Renovated, double InvestmentEur, double SubsidyEur, double EurPerTonneAvoided, IReadOnlyList<int> Years, IReadOnlyList<double> Co2Kg, IReadOnlyList<double> Co2NoRenovationKg)
    {
        public static ScenarioNumbers Of(Headline h) => new(h.Scenario, h.Simulated, h.Renovated, h.InvestmentEur, h.SubsidyEur, h.EurPerTonneAvoided, h.Years, h.Co2Kg, h.Co2NoRenovationKg);
    }
}
