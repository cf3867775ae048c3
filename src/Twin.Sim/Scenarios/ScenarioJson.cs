using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.Sim.Scenarios;

/// <summary>Reads and writes scenarios as JSON (camelCase; comments and trailing commas allowed). Parsing errors name the JSON path and line.</summary>
public static class ScenarioJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <exception cref="InvalidDataException">Not valid JSON or wrong types; the message names the path and line.</exception>
    public static Scenario Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<Scenario>(json, Options) ?? throw new InvalidDataException($"{source}: empty scenario.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: invalid scenario JSON at {ex.Path ?? "$"} (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}", ex);
        }
    }

    public static string Write(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);
}
