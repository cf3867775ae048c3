using Twin.Core.Validation;
using Twin.Pipeline.IO;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Pipeline;

/// <summary>A scenario read from its file and validated, with the support-programme rule files it names.</summary>
public sealed record ScenarioFile(string Path, Scenario Scenario)
{
    /// <summary>The rule files of the scenario's support programmes (<c>{ "rules": "id" }</c>), full paths, for the run's manifest.</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>The scenario's title for tables and charts: its <see cref="Scenario.Title"/>, else its name.</summary>
    public string Title => Scenario.DisplayTitle;

    /// <summary>Reads and validates one scenario file.</summary>
    /// <exception cref="InputException">The file is missing, not valid JSON, or the scenario has problems (all of them).</exception>
    public static ScenarioFile Load(string path) => LoadAll([path])[0];

    /// <summary>
    /// Reads and validates every scenario file, reporting the problems of all files at once; two scenarios with the same
    /// name are a problem too (their outputs would share a folder).
    /// </summary>
    /// <exception cref="InputException">Any file or scenario has problems: all of them.</exception>
    public static IReadOnlyList<ScenarioFile> LoadAll(IReadOnlyList<string> paths)
    {
        var issues = new List<DataIssue>();
        var files = new List<ScenarioFile>();
        foreach (string path in paths)
        {
            InputChecks.Collect(issues, () =>
            {
                string text = InputFiles.ReadText(path, "scenario", "--scenario");
                (string json, IReadOnlyList<string> rules) = SubsidyRuleFiles.Resolve(text, path);
                Scenario scenario = rules.Count == 0 ? ScenarioJson.Parse(json, path) : ParseResolved(json, text, path);
                IReadOnlyList<ScenarioProblem> problems = ScenarioValidator.Validate(scenario);
                if (problems.Count > 0)
                {
                    throw new ScenarioException(problems, path);
                }

                files.Add(new ScenarioFile(path, scenario) { RuleFiles = rules });
            });
        }

        foreach (IGrouping<string, ScenarioFile> twice in files.GroupBy(f => f.Scenario.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            issues.Add(new DataIssue(twice.Last().Path, null, "$.name", twice.Key, null, $"scenario name '{twice.Key}' is also used by {twice.First().Path}", "Give every scenario of a run its own name: its outputs go to a folder of that name.", IssueOutcome.Fatal, IssueCodes.InvalidScenario));
        }

        return issues.Count > 0 ? throw new InputException(issues) : files;
    }

    /// <summary>
    /// Parses a scenario whose rule files were merged in (one line of JSON): where it has a problem outside the programmes
    /// taken from rule files, the problems are reported from the file as written, so their line numbers are the file's.
    /// </summary>
    private static Scenario ParseResolved(string json, string original, string path)
    {
        InputException merged;
        try
        {
            return ScenarioJson.Parse(json, path);
        }
        catch (InputException ex)
        {
            merged = ex;
        }

        try
        {
            ScenarioJson.Parse(original, path);
        }
        catch (InputException asWritten)
        {
            // The file as written lacks what its rule files add (a name, …): those problems are not the user's.
            List<DataIssue> own = asWritten.Issues.Where(i => !(i.Field ?? string.Empty).StartsWith("$.subsidies[", StringComparison.Ordinal)).ToList();
            if (own.Count > 0)
            {
                throw new InputException(own);
            }
        }

        throw new InputException(merged.Issues);
    }
}
