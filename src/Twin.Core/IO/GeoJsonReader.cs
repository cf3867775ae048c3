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

    /// <summary>Reads a GeoJSON FeatureCollection file (RFC 7946; a legacy "crs" member is honoured where it names a known CRS).</summary>
    public static FeatureTable Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a GeoJSON FeatureCollection from a stream; <paramref name="sourceName"/> names it in messages.</summary>
    public static FeatureTable Read(Stream stream, string sourceName)
    {
        using JsonDocument doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        JsonElement root = doc.RootElement;
        List<JsonElement> features = [];
        string type = root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        if (type == "FeatureCollection" && root.TryGetProperty("features", out JsonElement arr) && arr.ValueKind == JsonValueKind.Array)
        {
            features.AddRange(arr.EnumerateArray());
        }
        else if (type == "Feature")
        {
            features.Add(root);
        }
        else
        {
            throw new InvalidDataException($"{sourceName}: not a GeoJSON FeatureCollection or Feature (top-level \"type\" is \"{type}\"). Export the layer as a GeoJSON FeatureCollection.");
        }

        int n = features.Count;
        var geometries = new Geometry?[n];
        var errors = new string?[n];
        var ids = new string?[n];
        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < n; i++)
        {
            JsonElement f = features[i];
            if (f.ValueKind != JsonValueKind.Object)
            {
                errors[i] = $"feature #{i} is a JSON {f.ValueKind}, not an object";
                continue;
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
                continue;
            }

            try
            {
                geometries[i] = g.Deserialize<Geometry>(GeometryOptions);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or NotSupportedException)
            {
                errors[i] = $"malformed geometry: {ex.Message}";
            }
        }

        var cols = order.Select(name => AttributeColumn.Infer(name, columns[name])).ToList();
        return new FeatureTable(sourceName, "GeoJSON", CoordinateReferenceSystem.Wgs84, geometries, cols, errors, ids);
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
