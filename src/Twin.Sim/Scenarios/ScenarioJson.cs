using System.Text.Json;
using System.Text.Json.Serialization;
using Twin.Core.Validation;

namespace Twin.Sim.Scenarios;

/// <summary>Reads and writes scenarios as JSON (camelCase; comments and trailing commas allowed). Parsing errors name the JSON path and line.</summary>
public static class ScenarioJson
{
    /// <summary>camelCase names, kebab-case enums, comments and trailing commas allowed.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) }, // "order": 1 is not a name
    };

    /// <exception cref="InputException">Not valid JSON or wrong types; the issue names the JSON path and line.</exception>
    public static Scenario Parse(string json, string source)
    {
        const string Hint = "The schema: scenario.schema.json in the data folder.";
        try
        {
            using (JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                IReadOnlyList<DataIssue> shape = JsonShape.Check<Scenario>(doc.RootElement, source, JsonNamingPolicy.CamelCase, Hint);
                if (shape.Count > 0)
                {
                    throw new InputException(shape.Select(i => i with { Code = IssueCodes.InvalidScenario }).ToList());
                }
            }

            return JsonSerializer.Deserialize<Scenario>(json, Options)
                ?? throw InputException.Fatal(source, "$", "null", "the scenario is empty", "Write a scenario object; see the sample scenarios in the data folder.", IssueCodes.InvalidScenario);
        }
        catch (JsonException ex)
        {
            throw InputException.Fatal(source, JsonErrors.Where(ex), null, JsonErrors.Describe(ex, Enums), "Fix the JSON at that place (its schema: scenario.schema.json in the data folder).", IssueCodes.InvalidScenario, ex);
        }
    }

    /// <summary>The enums a scenario file names, with the names it may use.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Enums = new(StringComparer.Ordinal)
    {
        [nameof(UptakeOrder)] = Enum.GetValues<UptakeOrder>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray(),
        [nameof(SubsidyKind)] = Enum.GetValues<SubsidyKind>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray(),
    };

    /// <summary>The scenario as indented JSON.</summary>
    public static string Write(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);
}
