using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.Core.Loading;

/// <summary>How a value of the use attribute classifies a building.</summary>
public enum UseKind
{
    /// <summary>Unknown (e.g. OSM building=yes): no typology is assigned; reported so the user can map the value.</summary>
    Unknown,

    /// <summary>Single-family / two-dwelling house: SFH, or TH when it shares party walls.</summary>
    SingleFamily,

    /// <summary>Multi-dwelling residential building: MFH, or AB when tall.</summary>
    MultiFamily,

    /// <summary>Residential, kind unknown: size class from storeys and party walls.</summary>
    Residential,

    /// <summary>Not residential: no TABULA (residential) typology; kept in the stock, not simulated.</summary>
    NonResidential,
}

/// <summary>A rule that infers a construction year when the data has none. First matching rule wins.</summary>
public sealed record YearRule
{
    public required string Name { get; init; }

    /// <summary>Attribute that must equal <see cref="EqualsValue"/> (case-insensitive text comparison); null = any.</summary>
    public string? Field { get; init; }

    [JsonPropertyName("equals")]
    public string? EqualsValue { get; init; }

    public int? MinStoreys { get; init; }

    public int? MaxStoreys { get; init; }

    public required int Year { get; init; }

    /// <summary>Why this year: the evidence or assumption, shown to users with the inferred value.</summary>
    public required string Rationale { get; init; }
}

/// <summary>
/// Which source attributes feed which building attribute. Each list holds candidate attribute names,
/// the first present one wins. Defaults (<see cref="Osm"/>) fit OpenStreetMap-like data; a JSON file
/// (camelCase members as here) describes other sources, e.g. BDOT10k in data/samples.
/// </summary>
public sealed record AttributeMapping
{
    public string Name { get; init; } = "osm";

    public IReadOnlyList<string> Id { get; init; } = ["id", "@id", "osm_id", "building_id"];

    /// <summary>Building height in metres (text such as "12 m" is accepted).</summary>
    public IReadOnlyList<string> Height { get; init; } = ["height", "building:height", "height_m"];

    /// <summary>Storeys above ground.</summary>
    public IReadOnlyList<string> Storeys { get; init; } = ["building:levels", "levels", "storeys"];

    /// <summary>Construction year or date ("1965", "1965-03-01", "~1900", "C19" is not a year and is reported).</summary>
    public IReadOnlyList<string> Year { get; init; } = ["start_date", "construction_year", "year_built", "year"];

    public IReadOnlyList<string> Use { get; init; } = ["building"];

    public IReadOnlyList<string> Dwellings { get; init; } = ["building:flats", "dwellings"];

    public IReadOnlyList<string> Country { get; init; } = ["addr:country", "country"];

    /// <summary>
    /// Use value → kind. "*" is the fallback for values not listed. OSM defaults follow the OSM wiki
    /// "Key:building" residential values.
    /// </summary>
    public IReadOnlyDictionary<string, UseKind> UseClasses { get; init; } = new Dictionary<string, UseKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["house"] = UseKind.SingleFamily,
        ["detached"] = UseKind.SingleFamily,
        ["semidetached_house"] = UseKind.SingleFamily,
        ["bungalow"] = UseKind.SingleFamily,
        ["terrace"] = UseKind.SingleFamily,
        ["farm"] = UseKind.SingleFamily,
        ["apartments"] = UseKind.MultiFamily,
        ["dormitory"] = UseKind.MultiFamily,
        ["residential"] = UseKind.Residential,
        ["yes"] = UseKind.Unknown,
        ["*"] = UseKind.NonResidential,
    };

    /// <summary>Construction-year inference when the data has no year; empty = leave the year missing.</summary>
    public IReadOnlyList<YearRule> YearRules { get; init; } = [];

    public static AttributeMapping Osm { get; } = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Reads a mapping from JSON; members left out keep their OSM defaults.</summary>
    public static AttributeMapping Load(string path)
    {
        try
        {
            AttributeMapping m = JsonSerializer.Deserialize<AttributeMapping>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: empty attribute mapping.");
            return m with { UseClasses = new Dictionary<string, UseKind>(m.UseClasses, StringComparer.OrdinalIgnoreCase) };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: invalid attribute mapping at {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    public UseKind Classify(string? useValue)
    {
        if (useValue is null)
        {
            return UseKind.Unknown;
        }

        return UseClasses.TryGetValue(useValue.Trim(), out UseKind k) ? k
            : UseClasses.TryGetValue("*", out UseKind fallback) ? fallback : UseKind.Unknown;
    }
}
