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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <exception cref="InputException">Not valid JSON or wrong types; the issue names the JSON path and line.</exception>
    public static Scenario Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<Scenario>(json, Options)
                ?? throw InputException.Fatal(source, "$", "null", "the scenario is empty", "Write a scenario object; see the sample scenarios in the data folder.", IssueCodes.InvalidScenario);
        }
        catch (JsonException ex)
        {
            string where = $"{ex.Path ?? "$"} (line {(ex.LineNumber ?? 0) + 1})";
            throw InputException.Fatal(source, where, null, $"invalid scenario JSON: {JsonMessage(ex)}", "Fix the JSON at that place (its schema: scenario.schema.json in the data folder).", IssueCodes.InvalidScenario, ex);
        }
    }

    /// <summary>System.Text.Json's message without its own "Path: … | LineNumber: …" tail, which the issue states already.</summary>
    internal static string JsonMessage(JsonException ex)
    {
        string m = ex.Message;
        int tail = m.IndexOf(" Path: ", StringComparison.Ordinal);
        return (tail > 0 ? m[..tail] : m).TrimEnd('.');
    }

    /// <summary>The scenario as indented JSON.</summary>
    public static string Write(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);
}
