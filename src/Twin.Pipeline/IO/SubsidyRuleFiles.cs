using System.Text.Json;
using System.Text.Json.Nodes;
using Twin.Core.Validation;

namespace Twin.Pipeline.IO;

/// <summary>
/// Support programmes kept as versioned rule files (data folder <c>subsidies/ID.json</c>: one programme with its source,
/// edition and date) and named from scenarios as <c>{ "rules": "ID" }</c>; other members of that entry (e.g. <c>"tier"</c>)
/// override the file's. A rule name is looked up beside the scenario in <c>../subsidies/</c> (the data folder's layout), then
/// in the default data folder's <c>subsidies/</c> (so a scenario kept anywhere can name the shipped programmes); a name
/// ending in .json is a path relative to the scenario.
/// </summary>
public static class SubsidyRuleFiles
{
    /// <summary>The scenario JSON with every rule reference replaced by the programme it names, and the files read.</summary>
    /// <exception cref="InputException">A rule file is missing or is not a JSON object; the issue names the scenario's JSON path.</exception>
    public static (string Json, IReadOnlyList<string> Files) Resolve(string scenarioJson, string scenarioPath)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(scenarioJson, documentOptions: options);
        }
        catch (JsonException)
        {
            return (scenarioJson, []); // the scenario parser reports the syntax error with its line
        }

        if (root is not JsonObject top || top["subsidies"] is not JsonArray programmes || !programmes.Any(p => p is JsonObject o && o.ContainsKey("rules")))
        {
            return (scenarioJson, []);
        }

        var files = new List<string>();
        string folder = Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".";
        for (int i = 0; i < programmes.Count; i++)
        {
            if (programmes[i] is not JsonObject entry || !entry.ContainsKey("rules"))
            {
                continue;
            }

            string at = $"$.subsidies[{i}].rules";
            if (entry["rules"] is not JsonValue v || !v.TryGetValue(out string? name) || string.IsNullOrWhiteSpace(name))
            {
                throw InputException.Fatal(scenarioPath, at, entry["rules"]?.ToJsonString(), "is not the name of a rule file", "Write the rule file's name as a string, e.g. \"rules\": \"czyste-powietrze-2025\" (files in the data folder's subsidies/).", IssueCodes.InvalidScenario);
            }

            string file = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(Path.Combine(folder, name)) : Path.GetFullPath(Path.Combine(folder, "..", "subsidies", name + ".json"));
            string shipped = Path.Combine(TwinData.DefaultFolder, "subsidies", name + ".json");
            if (!File.Exists(file) && !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(shipped))
            {
                file = Path.GetFullPath(shipped);
            }

            if (!File.Exists(file))
            {
                string dir = Path.GetDirectoryName(file)!;
                string[] known = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray() : [];
                string? close = Suggestions.Closest(name, known);
                throw InputException.Fatal(scenarioPath, at, name, $"names no rule file ({file} does not exist)", $"{(close is null ? string.Empty : $"Did you mean {close}? ")}Rule files: {(known.Length == 0 ? "none in " + dir : string.Join(", ", known))}.", IssueCodes.InvalidScenario);
            }

            JsonObject rules;
            try
            {
                rules = JsonNode.Parse(InputFiles.ReadText(file, "subsidy rules", "rules"), documentOptions: options) as JsonObject
                    ?? throw InputException.Fatal(file, "$", null, "is not a JSON object", "A rule file holds one programme object (see data/samples/subsidies).", IssueCodes.InvalidScenario);
            }
            catch (JsonException ex)
            {
                throw InputException.Fatal(file, JsonErrors.Where(ex), null, ex.Message, "Fix the rule file's JSON.", IssueCodes.InvalidScenario, ex);
            }

            var merged = (JsonObject)rules.DeepClone();
            foreach ((string key, JsonNode? value) in entry)
            {
                merged[key] = value?.DeepClone();
            }

            programmes[i] = merged;
            files.Add(file);
        }

        return (root.ToJsonString(), files);
    }
}
