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
    /// <summary>The rule's name, written to construction_year_rule for every year it inferred.</summary>
    public required string Name { get; init; }

    /// <summary>Attribute that must equal <see cref="EqualsValue"/> (case-insensitive text comparison); null = any.</summary>
    public string? Field { get; init; }

    /// <summary>The value <see cref="Field"/> must have (case-insensitive).</summary>
    [JsonPropertyName("equals")]
    public string? EqualsValue { get; init; }

    /// <summary>The rule applies only to buildings with at least this many storeys.</summary>
    public int? MinStoreys { get; init; }

    /// <summary>The rule applies only to buildings with at most this many storeys.</summary>
    public int? MaxStoreys { get; init; }

    /// <summary>The construction year the rule infers.</summary>
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
    /// <summary>Name of the mapping (e.g. "bdot10k"), for messages.</summary>
    public string Name { get; init; } = "osm";

    /// <summary>Building id.</summary>
    public IReadOnlyList<string> Id { get; init; } = ["id", "@id", "osm_id", "building_id"];

    /// <summary>Building height in metres (text such as "12 m" is accepted).</summary>
    public IReadOnlyList<string> Height { get; init; } = ["height", "building:height", "height_m"];

    /// <summary>Storeys above ground.</summary>
    public IReadOnlyList<string> Storeys { get; init; } = ["building:levels", "levels", "storeys"];

    /// <summary>Construction year or date ("1965", "1965-03-01", "~1900", "C19" is not a year and is reported).</summary>
    public IReadOnlyList<string> Year { get; init; } = ["start_date", "construction_year", "year_built", "year"];

    /// <summary>Building use (its values are classified by <see cref="UseClasses"/>).</summary>
    public IReadOnlyList<string> Use { get; init; } = ["building"];

    /// <summary>Number of dwellings.</summary>
    public IReadOnlyList<string> Dwellings { get; init; } = ["building:flats", "dwellings"];

    /// <summary>Country code (TABULA's two letters, e.g. PL).</summary>
    public IReadOnlyList<string> Country { get; init; } = ["addr:country", "country"];

    /// <summary>The source's use value kept as <c>use_code</c>; empty = the <see cref="Use"/> attribute's value.</summary>
    public IReadOnlyList<string> UseCode { get; init; } = [];

    /// <summary>A TABULA size class already given (SFH, TH, MFH, AB); empty = inferred from use, storeys and party walls.</summary>
    public IReadOnlyList<string> SizeClass { get; init; } = [];

    /// <summary>A neighbourhood name per building, used when no neighbourhood polygons are given; empty = none.</summary>
    public IReadOnlyList<string> Neighbourhood { get; init; } = [];

    /// <summary>The current heat generator: a <see cref="Stock.HeatGenerators"/> name, or a value <see cref="HeatingValues"/> maps onto one.</summary>
    public IReadOnlyList<string> Heating { get; init; } = ["heating", "heating_system"];

    /// <summary>The source's heating values → <see cref="Stock.HeatGenerators"/> names (case-insensitive), e.g. "gaz" → "gas-boiler"; values not listed must be names.</summary>
    public IReadOnlyDictionary<string, string> HeatingValues { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>External walls insulated after construction: a year, or yes/no (tak/nie, true/false, 1/0).</summary>
    public IReadOnlyList<string> WallInsulated { get; init; } = ["wall_insulated_year", "wall_insulated"];

    /// <summary>Roof / top-floor ceiling insulated after construction: a year, or yes/no.</summary>
    public IReadOnlyList<string> RoofInsulated { get; init; } = ["roof_insulated_year", "roof_insulated"];

    /// <summary>Ground floor / basement ceiling insulated after construction: a year, or yes/no.</summary>
    public IReadOnlyList<string> FloorInsulated { get; init; } = ["floor_insulated_year", "floor_insulated"];

    /// <summary>Windows replaced after construction: a year, or yes/no.</summary>
    public IReadOnlyList<string> WindowsRenewed { get; init; } = ["windows_renewed_year", "windows_replaced"];

    /// <summary>The candidate attributes of each <see cref="Stock.EnvelopeElement"/>, in the enum's order.</summary>
    internal IReadOnlyList<string>[] RenewalAttributes() => [WallInsulated, RoofInsulated, FloorInsulated, WindowsRenewed];

    /// <summary>
    /// Suffix of provenance columns beside the mapped ones (twin writes <c>height_m</c> with <c>height_source</c>): where
    /// it says <c>inferred</c> the value is used and stays flagged inferred, and <c>construction_year_rule</c> keeps the
    /// rule's name. Null = every read value is observed.
    /// </summary>
    public string? ProvenanceSuffix { get; init; }

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

    /// <summary>The OpenStreetMap default.</summary>
    public static AttributeMapping Osm { get; } = new();

    /// <summary>
    /// twin's own stock files (stock.parquet / stock.gpkg / stock.geojson, data/samples/SCHEMA.md): every attribute is
    /// taken as written, with its provenance, so a stock read back simulates the same buildings as the original.
    /// </summary>
    public static AttributeMapping TwinStock { get; } = new()
    {
        Name = "twin-stock",
        Id = ["building_id"],
        Height = ["height_m"],
        Storeys = ["storeys"],
        Year = ["construction_year"],
        Use = ["use"],
        UseCode = ["use_code"],
        Dwellings = ["dwellings"],
        Country = ["country"],
        SizeClass = ["size_class"],
        Neighbourhood = ["neighbourhood"],
        ProvenanceSuffix = "_source",
        UseClasses = new Dictionary<string, UseKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["residential"] = UseKind.Residential,
            ["nonresidential"] = UseKind.NonResidential,
            ["*"] = UseKind.Unknown,
        },
    };

    /// <summary>Columns that only twin's stock files have together: such a file is read with <see cref="TwinStock"/> by default.</summary>
    private static readonly string[] TwinStockSignature = ["building_id", "use", "use_code", "size_class", "size_class_source", "construction_year_source", "typology"];

    /// <summary>True when the table is a stock file written by twin (it has all of twin's stock columns).</summary>
    public static bool IsTwinStock(IO.FeatureTable table) => TwinStockSignature.All(c => table.Find(c) is not null);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Parses a mapping from JSON (<paramref name="source"/> names it in issues); members left out keep their OSM defaults.</summary>
    /// <exception cref="Validation.InputException">Not valid JSON, wrong types, or an empty list entry; the issue names the JSON path and line.</exception>
    public static AttributeMapping Parse(string json, string source)
    {
        const string Hint = "Fix the mapping file; data/samples/warsaw-srodmiescie/bdot10k-mapping.json is an example.";
        AttributeMapping? m;
        try
        {
            using (JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                IReadOnlyList<Validation.DataIssue> shape = Validation.JsonShape.Check<AttributeMapping>(doc.RootElement, source, JsonNamingPolicy.CamelCase, Hint);
                if (shape.Count > 0)
                {
                    throw new Validation.InputException(shape.Select(i => i with { Code = Validation.IssueCodes.InvalidMapping }).ToList());
                }
            }

            m = JsonSerializer.Deserialize<AttributeMapping>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var enums = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [nameof(UseKind)] = Enum.GetValues<UseKind>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray() };
            throw Validation.InputException.Fatal(source, Validation.JsonErrors.Where(ex), null, Validation.JsonErrors.Describe(ex, enums), Hint, Validation.IssueCodes.InvalidMapping, ex);
        }

        if (m is null)
        {
            throw Validation.InputException.Fatal(source, "$", "null", "the attribute mapping is empty", Hint, Validation.IssueCodes.InvalidMapping);
        }

        foreach ((string value, string name) in m.HeatingValues)
        {
            if (Stock.HeatGenerators.Find(name) is null)
            {
                string? close = Validation.Suggestions.Closest(name, Stock.HeatGenerators.Names);
                throw Validation.InputException.Fatal(source, $"$.heatingValues['{value}']", name, $"'{name}' is not a heat generator{(close is null ? string.Empty : $" (did you mean '{close}'?)")}", $"Use one of {string.Join(", ", Stock.HeatGenerators.Names)}.", Validation.IssueCodes.InvalidMapping);
            }
        }

        return m with
        {
            UseClasses = new Dictionary<string, UseKind>(m.UseClasses, StringComparer.OrdinalIgnoreCase),
            HeatingValues = m.HeatingValues.ToDictionary(x => x.Key, x => Stock.HeatGenerators.Find(x.Value)!, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The kind of use a value stands for: its <see cref="UseClasses"/> entry, else the "*" fallback, else unknown.</summary>
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
