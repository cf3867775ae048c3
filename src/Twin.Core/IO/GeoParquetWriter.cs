using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Parquet;
using Parquet.Schema;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as GeoParquet 1.1 (WKB geometry column "geometry", OGC:CRS84
/// lon/lat so that GeoPandas, DuckDB spatial and QGIS read it without a PROJJSON definition).
/// Geometries in another CRS are reprojected on the way out. The file is written to a temporary name
/// and renamed, so a crash never leaves a truncated file under the final name.
/// </summary>
public static class GeoParquetWriter
{
    /// <summary>Rows per row group: large enough for column compression, small enough to stream.</summary>
    public const int DefaultRowGroupSize = 100_000;

    /// <summary>Writes the table as GeoParquet (see <see cref="WriteAsync"/>).</summary>
    public static void Write(FeatureTable table, string path, int rowGroupSize = DefaultRowGroupSize, EncodedGeometries? encoded = null, ParallelOptions? parallel = null) =>
        WriteAsync(table, path, rowGroupSize, encoded, parallel).GetAwaiter().GetResult();

    /// <summary>
    /// Writes the table; <paramref name="encoded"/> (from <see cref="Encode"/>) reuses already reprojected and WKB-encoded
    /// geometries, e.g. when several result tables of the same stock are written.
    /// </summary>
    public static async Task WriteAsync(FeatureTable table, string path, int rowGroupSize = DefaultRowGroupSize, EncodedGeometries? encoded = null, ParallelOptions? parallel = null)
    {
        CancellationToken cancellationToken = parallel?.CancellationToken ?? default;
        encoded ??= Encode(table, parallel);
        if (encoded.Wkb.Length != table.Count)
        {
            throw new ArgumentException($"{encoded.Wkb.Length} encoded geometries for {table.Count} features.", nameof(encoded));
        }

        var geometryField = new DataField<byte[]>("geometry");
        var fields = new List<DataField> { geometryField };
        fields.AddRange(table.Columns.Select(ParquetColumns.Field));

        string tmp = path + ".tmp-" + Environment.ProcessId;
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        await using (FileStream stream = File.Create(tmp))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string> { ["geo"] = encoded.GeoMetadata };
            for (int start = 0; start < table.Count || (start == 0 && table.Count == 0); start += rowGroupSize)
            {
                int count = Math.Min(rowGroupSize, table.Count - start);
                using ParquetRowGroupWriter rg = writer.CreateRowGroup();
                await rg.WriteAsync(geometryField, new ArraySegment<byte[]>(encoded.Wkb, start, count)).ConfigureAwait(false);
                for (int c = 0; c < table.Columns.Count; c++)
                {
                    await ParquetColumns.WriteAsync(rg, fields[c + 1], table.Columns[c], start, count, cancellationToken).ConfigureAwait(false);
                }

                if (table.Count == 0)
                {
                    break;
                }
            }
        }

        File.Move(tmp, path, overwrite: true);
    }

    internal static Geometry?[] ToWgs84(FeatureTable table, ParallelOptions parallel)
    {
        if (table.Crs is null || table.Crs.Epsg == 4326)
        {
            return table.Geometries;
        }

        var reprojector = new Reprojector(table.Crs, CoordinateReferenceSystem.Wgs84);
        var result = new Geometry?[table.Count];
        Parallel.For(0, table.Count, parallel, i => result[i] = table.Geometries[i] is Geometry g ? KeptValid(reprojector.Transform(g)) : null);
        return result;
    }

    /// <summary>
    /// Reprojection rounds coordinates (~1e-9 m), which can turn a valid footprint with a near-collinear vertex into an
    /// invalid one (a spike): 18 of the 4,930 sample footprints did. Those are repaired again (NTS GeometryFixer), so GIS
    /// tools reading the file see valid polygons where the stock had them. Triangles and quadrilaterals are not checked
    /// (IsValid costs ~2 µs a geometry): one cannot go invalid from such rounding without being a degenerate sliver already.
    /// </summary>
    private static Geometry KeptValid(Geometry g) =>
        g.NumPoints <= 5 * g.NumGeometries || g.IsValid ? g : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(g);

    /// <summary>Reprojects to WGS 84 and encodes every geometry as little-endian ISO WKB, in parallel.</summary>
    public static EncodedGeometries Encode(FeatureTable table, ParallelOptions? parallel = null)
    {
        parallel ??= new ParallelOptions();
        Geometry?[] geometries = ToWgs84(table, parallel);
        var wkb = new byte[geometries.Length][];
        Parallel.For(0, geometries.Length, parallel, () => new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false), (i, _, writer) =>
        {
            wkb[i] = geometries[i] is Geometry g ? writer.Write(g) : null!;
            return writer;
        }, _ => { });
        return new EncodedGeometries(wkb, GeoMetadata(geometries));
    }

    private static string GeoMetadata(Geometry?[] geometries)
    {
        var types = new SortedSet<string>(StringComparer.Ordinal);
        var bbox = new Envelope();
        foreach (Geometry? g in geometries)
        {
            if (g is null || g.IsEmpty)
            {
                continue;
            }

            types.Add(g.GeometryType);
            bbox.ExpandToInclude(g.EnvelopeInternal);
        }

        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("version", "1.1.0");
            w.WriteString("primary_column", "geometry");
            w.WriteStartObject("columns");
            w.WriteStartObject("geometry");
            w.WriteString("encoding", "WKB");
            w.WriteStartArray("geometry_types");
            foreach (string t in types)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            if (!bbox.IsNull)
            {
                w.WriteStartArray("bbox");
                w.WriteNumberValue(bbox.MinX);
                w.WriteNumberValue(bbox.MinY);
                w.WriteNumberValue(bbox.MaxX);
                w.WriteNumberValue(bbox.MaxY);
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}

/// <summary>Geometries ready for GeoParquet: WKB per feature (null = none) and the file's "geo" metadata JSON.</summary>
public sealed record EncodedGeometries(byte[][] Wkb, string GeoMetadata);
