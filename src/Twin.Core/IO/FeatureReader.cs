using Twin.Core.Validation;

namespace Twin.Core.IO;

/// <summary>Picks the reader for a file by its extension.</summary>
public static class FeatureReader
{
    /// <summary>The file extensions with a reader.</summary>
    public static readonly IReadOnlyList<string> SupportedExtensions = [".geojson", ".json", ".parquet", ".geoparquet", ".gpkg", ".shp"];

    /// <summary>Reads a footprint file of any supported format; <paramref name="parallel"/> bounds the threads and can cancel.</summary>
    /// <exception cref="InputException">The file does not exist, has an unsupported extension or cannot be read; the issue names the file and what to do.</exception>
    public static FeatureTable Read(string path, ParallelOptions? parallel = null)
    {
        if (!File.Exists(path))
        {
            string hint = Directory.Exists(path) ? "This is a folder; give the file inside it." : "Check the path.";
            throw InputException.Fatal(path, "(file)", null, "file not found", hint, IssueCodes.FileNotFound);
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (new FileInfo(path).Length == 0)
        {
            throw InputException.Fatal(path, "(file)", "0 bytes", "the file is empty", "Export the layer again; the copy may have failed.", IssueCodes.UnreadableFile);
        }

        try
        {
            return extension switch
            {
                ".geojson" or ".json" => GeoJsonReader.Read(path),
                ".parquet" or ".geoparquet" => GeoParquetReader.Read(path, parallel),
                ".gpkg" => GeoPackageReader.Read(path),
                ".shp" => ShapefileReader.Read(path),
                _ => throw InputException.Fatal(path, "(file)", extension, $"unsupported format '{extension}'", $"Use one of {string.Join(", ", SupportedExtensions)} (e.g. convert with ogr2ogr -f GPKG out.gpkg {Path.GetFileName(path)}).", IssueCodes.UnreadableFile),
            };
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw InputException.Fatal(path, "(file)", null, $"cannot read this {extension} file: {Describe(ex)}", "Check that the file is complete and in the format its extension says (open it in QGIS, or re-export it).", IssueCodes.UnreadableFile, ex);
        }
    }

    /// <summary>The failures of the format libraries that mean "this file is damaged or not what its name says" (not bugs).</summary>
    internal static bool IsUnreadable(Exception ex) =>
        ex is IOException or InvalidDataException or NotSupportedException or System.Text.Json.JsonException or UnauthorizedAccessException or FormatException
            or Microsoft.Data.Sqlite.SqliteException or NetTopologySuite.IO.Esri.ShapefileException or NetTopologySuite.IO.ParseException;

    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException f => $"'{Path.GetFileName(f.FileName)}' is missing",
        Microsoft.Data.Sqlite.SqliteException s => $"the SQLite database inside is damaged or is not one ({s.Message[(s.Message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(' ', '\'', '.')})",
        _ => ex.Message.TrimEnd('.'),
    };
}
