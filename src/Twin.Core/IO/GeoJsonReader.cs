using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Reads an RFC 7946 GeoJSON FeatureCollection (or a single Feature). Coordinates are WGS 84 lon/lat
/// (RFC 7946 §4). Each feature is parsed on its own, so one malformed feature is reported in
/// <see cref="FeatureTable.RowErrors"/> instead of failing the whole file.
/// </summary>
public static class GeoJsonReader
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    /// <summary>Reads a GeoJSON FeatureCollection file (RFC 7946; a legacy "crs" member, as GDAL writes for non-WGS 84 data, is honoured).</summary>
    public static FeatureTable Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Features deeper than this are not footprints (a polygon with holes in a MultiPolygon is 6 levels below the feature).</summary>
    public const int MaxFeatureDepth = 64;

    /// <summary>
    /// The largest GeoJSON file read (2 GiB: the text is held in one buffer while its features are parsed one by one);
    /// a larger stock belongs in GeoParquet or GeoPackage, which are read in row groups.
    /// </summary>
    public const long MaxFileBytes = int.MaxValue;

    /// <summary>Reads a GeoJSON FeatureCollection from a stream; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="Validation.InputException">The file is not a FeatureCollection or Feature, or not valid JSON (the place is named).</exception>
    public static FeatureTable Read(Stream stream, string sourceName)
    {
        if (stream.CanSeek && stream.Length > MaxFileBytes)
        {
            throw Validation.InputException.Fatal(sourceName, "(file)", $"{stream.Length / (1 << 20)} MiB", $"is larger than the {MaxFileBytes / (1 << 20)} MiB a GeoJSON file may have here", "Convert it to GeoParquet or GeoPackage (ogr2ogr -f GPKG stock.gpkg stock.geojson), or split it.", Validation.IssueCodes.UnreadableFile);
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.GetBuffer();
        int length = (int)buffer.Length;
        (string type, string? crsName, List<(int Start, int Length, int Depth)> spans) = Scan(bytes.AsSpan(0, length), sourceName);
        if (type == "Feature")
        {
            spans = [(0, length, 0)];
        }
        else if (type != "FeatureCollection")
        {
            throw Validation.InputException.Fatal(sourceName, "type", type, "is not a GeoJSON FeatureCollection or Feature", "Export the layer as a GeoJSON FeatureCollection (RFC 7946).", Validation.IssueCodes.UnreadableFile);
        }

        int n = spans.Count;
        var geometries = new Geometry?[n];
        var errors = new string?[n];
        var ids = new string?[n];
        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < n; i++)
        {
            (int start, int len, int depth) = spans[i];
            if (depth > MaxFeatureDepth)
            {
                errors[i] = $"the feature is nested {depth} levels deep (a footprint needs fewer than {MaxFeatureDepth})";
                continue;
            }

            try
            {
                using JsonDocument doc = JsonDocument.Parse(bytes.AsMemory(start, len));
                errors[i] = ReadFeature(doc.RootElement, i, n, geometries, ids, columns, order);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NotSupportedException)
            {
                // InvalidOperationException: text that is not valid UTF-8 (System.Text.Json transcodes strings lazily).
                errors[i] = ex is InvalidOperationException ? "the feature holds text that is not valid UTF-8" : $"malformed feature: {Validation.JsonErrors.Describe(ex as JsonException ?? new JsonException(ex.Message))}";
            }
        }

        var cols = order.Select(name => AttributeColumn.Infer(name, columns[name])).ToList();

        // RFC 7946 §4: WGS 84 lon/lat. A legacy (2008 spec) "crs" naming another CRS is honoured; one twin does not
        // know leaves the CRS unknown, which the loader reports (naming --source-crs) rather than guessing WGS 84.
        CoordinateReferenceSystem? crs = crsName is null ? CoordinateReferenceSystem.Wgs84 : CoordinateReferenceSystem.Parse(crsName);
        return new FeatureTable(sourceName, "GeoJSON", crs, geometries, cols, errors, ids) { CrsProblem = crs is null ? $"its \"crs\" member names {crsName}, which twin does not know" : null };
    }

    /// <summary>
    /// One pass over the file with a forward-only reader (no recursion, so no depth a file can drive to a stack overflow):
    /// the top-level "type" and the byte span and nesting depth of each feature, so each is parsed, and fails, on its own.
    /// </summary>
    private static (string Type, string? CrsName, List<(int Start, int Length, int Depth)> Features) Scan(ReadOnlySpan<byte> bytes, string source)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 1_000_000 });
        string type = string.Empty;
        string? crsName = null;
        var features = new List<(int, int, int)>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Validation.InputException.Fatal(source, "$", null, "is not a JSON object", "A GeoJSON file is one FeatureCollection object (RFC 7946).", Validation.IssueCodes.UnreadableFile);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString() ?? string.Empty;
                reader.Read();
                if (name == "type" && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString() ?? string.Empty;
                }
                else if (name == "crs" && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 1)
                {
                    crsName = LegacyCrsName(ref reader);
                }
                else if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        int start = (int)reader.TokenStartIndex, maxDepth = 0;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            int featureDepth = reader.CurrentDepth;
                            while (reader.Read() && reader.CurrentDepth > featureDepth)
                            {
                                maxDepth = Math.Max(maxDepth, reader.CurrentDepth - featureDepth);
                            }
                        }

                        features.Add((start, (int)reader.BytesConsumed - start, maxDepth));
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            string what = ex is JsonException j ? Validation.JsonErrors.Describe(j) : "text that is not valid UTF-8";
            long line = ex is JsonException je ? (je.LineNumber ?? 0) + 1 : 0;
            throw Validation.InputException.Fatal(source, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"byte {reader.BytesConsumed} (line {line})"), null, $"is not valid JSON there: {what}", "The file is damaged or cut short: export it again (e.g. from QGIS); no feature of it was loaded.", Validation.IssueCodes.UnreadableFile, ex);
        }

        return (type, crsName, features);
    }

    /// <summary>The name of a legacy <c>"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2180"}}</c>; the reader ends on its closing brace.</summary>
    private static string? LegacyCrsName(ref Utf8JsonReader reader)
    {
        using JsonDocument crs = JsonDocument.ParseValue(ref reader);
        return crs.RootElement.TryGetProperty("properties", out JsonElement p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()
            : null;
    }

    /// <summary>Reads one feature into the columns; returns why it is unreadable, or null.</summary>
    private static string? ReadFeature(JsonElement f, int i, int n, Geometry?[] geometries, string?[] ids, Dictionary<string, object?[]> columns, List<string> order)
    {
        if (f.ValueKind != JsonValueKind.Object)
        {
            return $"feature #{i + 1} is a JSON {f.ValueKind}, not an object";
        }

        if (f.TryGetProperty("id", out JsonElement id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            ids[i] = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
        }

        if (f.TryGetProperty("properties", out JsonElement props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in props.EnumerateObject())
            {
                if (!columns.TryGetValue(p.Name, out object?[]? values))
                {
                    values = new object?[n];
                    columns.Add(p.Name, values);
                    order.Add(p.Name);
                }

                values[i] = ToValue(p.Value);
            }
        }

        if (!f.TryGetProperty("geometry", out JsonElement g) || g.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            geometries[i] = g.Deserialize<Geometry>(GeometryOptions);
            return null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or NotSupportedException)
        {
            return $"malformed geometry: {(ex is JsonException j ? Validation.JsonErrors.Describe(j) : ex.Message)}";
        }
    }

    internal static object? ToValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out long l) ? (object)l : v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString };
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326), false, "id", RingOrientationOption.DoNotModify));
        return options;
    }
}
