namespace Twin.Core.IO;

/// <summary>Picks the reader for a file by its extension.</summary>
public static class FeatureReader
{
    public static readonly IReadOnlyList<string> SupportedExtensions = [".geojson", ".json", ".parquet", ".geoparquet", ".gpkg", ".shp"];

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotSupportedException">The extension is not one of <see cref="SupportedExtensions"/>.</exception>
    public static FeatureTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".geojson" or ".json" => GeoJsonReader.Read(path),
            ".parquet" or ".geoparquet" => GeoParquetReader.Read(path),
            ".gpkg" => GeoPackageReader.Read(path),
            ".shp" => ShapefileReader.Read(path),
            string ext => throw new NotSupportedException($"{path}: unsupported format '{ext}'. Use one of {string.Join(", ", SupportedExtensions)}."),
        };
    }
}
