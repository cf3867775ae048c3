using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Twin.Core.Validation;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests.Scenarios;

/// <summary>
/// The shipped <c>scenario.schema.json</c> and twin's reader + validator agree: on every sample and on a set of broken
/// scenarios, both accept or both refuse — except where the validator checks what a JSON schema cannot express (listed).
/// </summary>
public sealed class ScenarioSchemaTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Samples, "scenarios");

    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "scenario.schema.json")));

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Broken variants of bau.json: a JSON path in it and the value (JSON text; null = remove the member) put there.</summary>
    public static TheoryData<string, string, string?> Broken => new()
    {
        { "misspelt key", "uptake.ratePerYr", "0.01" },
        { "misspelt top-level key", "prices", "{}" },
        { "null list", "packages", "null" },
        { "null entry", "packages.[]", "null" },
        { "null rule package", "rules.0.package", "null" },
        { "null price trajectory", "pricesEurPerKWh.gas", "null" },
        { "null price", "pricesEurPerKWh.gas.2025", "null" },
        { "damaged year key", "pricesEurPerKWh.gas.2O25", "0.08" },
        { "unknown carrier", "emissionFactorsKgPerKWh.unobtainium", "{\"2025\": 0.1}" },
        { "schema version", "schemaVersion", "2" },
        { "path traversal in name", "name", "\"../../x\"" },
        { "absolute path as name", "name", "\"/tmp/x\"" },
        { "empty name", "name", "\"\"" },
        { "missing name", "name", null },
        { "text year", "horizon.startYear", "\"soon\"" },
        { "fractional year", "horizon.startYear", "2025.5" },
        { "negative discount rate", "discountRate", "-0.1" },
        { "unknown heating", "packages.0.heating", "\"steam-engine\"" },
        { "PV share above 1", "packages.0.pvRoofShare", "1.5" },
        { "unknown envelope variant", "packages.0.envelope.variant", "\"medium\"" },
        { "rate above 1", "uptake.ratePerYear", "2" },
        { "unknown order", "uptake.order", "\"best-first\"" },
        { "negative price", "pricesEurPerKWh.gas.2025", "-1" },
        { "subsidy share above 1", "subsidies", "[{\"name\": \"s\", \"share\": 1.5}]" },
        { "unknown size class", "rules.0.sizeClasses", "[\"XXL\"]" },
        { "wrong type of list", "rules", "{}" },
        { "enum as a number", "uptake.order", "1" },
        { "year key cut to 3 digits", "pricesEurPerKWh.gas.225", "0.08" },
        { "year key before 2000", "emissionFactorsKgPerKWh.electricity.1990", "0.9" },
    };

    /// <summary>A null where the type allows one means "not given", in the schema as in twin.</summary>
    public static TheoryData<string, string, string?> NullAsNotGiven => new()
    {
        { "null title", "title", "null" },
        { "null heating", "packages.0.heating", "null" },
        { "null U-value", "packages.0.envelope.wallUWPerM2K", "null" },
        { "null budget", "uptake.annualBudgetEur", "null" },
        { "null subsidy cap", "subsidies", "[{\"name\": \"s\", \"share\": 0.5, \"capPerBuildingEur\": null, \"fromYear\": null}]" },
    };

    /// <summary>What only the validator refuses: cross-references, orderings and magnitudes a JSON schema cannot state.</summary>
    public static TheoryData<string, string, string?> BeyondTheSchema => new()
    {
        { "end before start", "horizon.endYear", "2020" },
        { "rule names no package", "rules.0.package", "\"nothing\"" },
        { "duplicate package id", "packages.[]", "{\"id\": \"usual-envelope\"}" },
        { "subsidy for no package", "subsidies", "[{\"name\": \"s\", \"share\": 0.5, \"packages\": [\"nothing\"]}]" },
        { "emission factor of 9 kg/kWh", "emissionFactorsKgPerKWh.districtHeat.2025", "9" },
    };

    public static TheoryData<string> Samples => new(Directory.GetFiles(Folder, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_IsValid_ByBoth(string file)
    {
        string json = File.ReadAllText(Path.Combine(Folder, file));
        Assert.True(SchemaAccepts(json), $"{file}: the schema refuses it");
        Assert.Equal(string.Empty, TwinRefusal(json, Path.Combine(Folder, file)));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_IsRefused_ByBoth_NamingThePlace(string what, string path, string? value)
    {
        string json = Edit(path, value);
        Assert.False(SchemaAccepts(json), $"{what}: the schema accepts it");
        string refusal = TwinRefusal(json);
        Assert.NotEqual(string.Empty, refusal);
        string member = path.Split('.')[^1] is "[]" ? path.Split('.')[^2] : path.Split('.')[^1];
        Assert.True(refusal.Contains(member, StringComparison.Ordinal) || value is null, $"{what}: '{refusal}' does not name {member}");
    }

    [Theory]
    [MemberData(nameof(NullAsNotGiven))]
    public void NullWhereTheTypeAllowsIt_IsAccepted_ByBoth(string what, string path, string? value)
    {
        string json = Edit(path, value);
        Assert.True(SchemaAccepts(json), $"{what}: the schema refuses it");
        Assert.Equal(string.Empty, TwinRefusal(json));
    }

    [Theory]
    [MemberData(nameof(BeyondTheSchema))]
    public void BeyondTheSchema_OnlyTheValidatorRefuses(string what, string path, string? value)
    {
        string json = Edit(path, value);
        Assert.True(SchemaAccepts(json), $"{what}: the schema refuses it (then it belongs in Broken)");
        Assert.NotEqual(string.Empty, TwinRefusal(json));
    }

    [Fact]
    public void MisspeltKey_SuggestsTheRightOne()
    {
        var ex = Assert.Throws<InputException>(() => ScenarioJson.Parse(Edit("uptake.ratePerYr", "0.01"), "bau.json"));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal("$.uptake.ratePerYr", issue.Field);
        Assert.Contains("Did you mean 'ratePerYear'?", issue.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void NullList_NamesItsPath()
    {
        var ex = Assert.Throws<InputException>(() => ScenarioJson.Parse(Edit("packages", "null"), "bau.json"));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal("$.packages", issue.Field);
        Assert.Contains("must not be null", issue.Message, StringComparison.Ordinal);
    }

    private static bool SchemaAccepts(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json, Lenient);
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    /// <summary>Why twin refuses the scenario (read or validated), or empty.</summary>
    /// <summary>What twin says about a scenario: its rule files resolved as a run would (relative to <paramref name="path"/>), then parsed and validated.</summary>
    private static string TwinRefusal(string json, string? path = null)
    {
        try
        {
            string resolved = Twin.Pipeline.IO.SubsidyRuleFiles.Resolve(json, path ?? Path.Combine(Folder, "s.json")).Json;
            return string.Join("; ", ScenarioValidator.Validate(ScenarioJson.Parse(resolved, "s.json")));
        }
        catch (InputException ex)
        {
            return string.Join("; ", ex.Issues.Select(i => i.ToString()));
        }
    }

    /// <summary>bau.json with <paramref name="value"/> at <paramref name="path"/> (dot-separated; "[]" appends to a list; null removes).</summary>
    private static string Edit(string path, string? value)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "bau.json")), documentOptions: Lenient)!;
        string[] parts = path.Split('.');
        JsonNode parent = root;
        foreach (string p in parts[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)]! : parent[p] ??= new JsonObject();
        }

        JsonNode? node = value is null ? null : JsonNode.Parse(value);
        string last = parts[^1];
        if (parent is JsonArray list)
        {
            if (last == "[]")
            {
                list.Add(node);
            }
            else
            {
                list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = node;
            }
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = node;
        }

        return root.ToJsonString();
    }
}
