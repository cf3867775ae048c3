using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Twin.Core.IO;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as an RFC 7946 FeatureCollection: WGS 84 lon/lat (reprojected
/// if needed) and counter-clockwise exterior rings (RFC 7946 §3.1.6). Written to a temporary file and renamed.
/// </summary>
public static class GeoJsonWriter
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    /// <summary>Writes the table as GeoJSON in WGS 84 (reprojected if needed), to a temporary name renamed into place.</summary>
    public static void Write(FeatureTable table, string path)
    {
        Geometry?[] geometries = GeoParquetWriter.ToWgs84(table, new ParallelOptions());
        string tmp = path + ".tmp-" + Environment.ProcessId;
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        using (FileStream stream = File.Create(tmp))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (int i = 0; i < table.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                if (table.FeatureIds[i] is string id)
                {
                    w.WriteString("id", id);
                }

                w.WriteStartObject("properties");
                foreach (AttributeColumn c in table.Columns)
                {
                    w.WritePropertyName(c.Name);
                    WriteValue(w, c.Values[i]);
                }

                w.WriteEndObject();
                w.WritePropertyName("geometry");
                if (geometries[i] is Geometry g)
                {
                    JsonSerializer.Serialize(w, g, GeometryOptions);
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        File.Move(tmp, path, overwrite: true);
    }

    private static void WriteValue(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double: w.WriteNullValue(); break; // JSON has no NaN/Infinity
            case float f: w.WriteNumberValue(f); break;
            default: w.WriteStringValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326), false, "id", RingOrientationOption.EnforceRfc9746));
        return options;
    }
}
