using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Reads GeoParquet 1.0/1.1 (WKB encoding; https://geoparquet.org/releases/v1.1.0/): the "geo" file
/// metadata names the primary geometry column and its CRS (PROJJSON; absent = OGC:CRS84).
/// A Parquet file without "geo" metadata but with a binary "geometry" column is read as WKB with an
/// unknown CRS, which the loader reports unless the user names one.
/// </summary>
public static class GeoParquetReader
{
    /// <summary>Reads the whole GeoParquet file.</summary>
    public static FeatureTable Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    /// <summary>Reads the whole file; <paramref name="parallel"/> bounds the threads that decode its geometries and can cancel.</summary>
    public static FeatureTable Read(string path, ParallelOptions? parallel) => ReadAsync(path, null, parallel).GetAwaiter().GetResult();

    /// <summary>Reads the geometry and only the named attribute columns (others are not decoded at all).</summary>
    public static FeatureTable Read(string path, IReadOnlyCollection<string> columns) => ReadAsync(path, columns).GetAwaiter().GetResult();

    /// <summary>The names of the file's columns (from the footer only).</summary>
    /// <exception cref="Validation.InputException">The file is not Parquet or its footer is damaged.</exception>
    public static IReadOnlyList<string> ColumnNames(string path) => Guarded(path, async () =>
    {
        await using FileStream stream = OpenChecked(path);
        return (IReadOnlyList<string>)(await ParquetReader.ReadSchemaAsync(stream).ConfigureAwait(false)).GetDataFields().Select(f => f.Name).ToArray();
    }).GetAwaiter().GetResult();

    /// <summary>
    /// Declared rows a file may hold per byte of its size. A row costs at least a bit of each column's definition levels,
    /// and a footprint's WKB tens of bytes, so real files are far below this; a damaged footer declaring 2³¹ rows in a
    /// 20 KB file is refused before any column is allocated.
    /// </summary>
    public const int MaxRowsPerByte = 8;

    /// <summary>Reads the file, only <paramref name="onlyColumns"/> of its attributes when given; <paramref name="parallel"/> bounds the threads that decode geometries and can cancel.</summary>
    /// <exception cref="Validation.InputException">The file is not Parquet, or its metadata or a column chunk is damaged; the issue names the file.</exception>
    public static Task<FeatureTable> ReadAsync(string path, IReadOnlyCollection<string>? onlyColumns = null, ParallelOptions? parallel = null) =>
        Guarded(path, () => ReadCoreAsync(path, onlyColumns, parallel));

    /// <summary>Runs a read of <paramref name="path"/>, turning Parquet.Net's failures on damaged bytes into an input error naming the file.</summary>
    private static async Task<T> Guarded<T>(string path, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            // Parquet.Net reports damaged bytes with whatever its decoders hit first (Thrift, index, cast, overflow…).
            string where = ex switch
            {
                Parquet.Meta.Proto.ThriftProtocolException => "its metadata (Thrift footer or a page header) cannot be decoded",
                JsonException => "its GeoParquet 'geo' metadata is not valid JSON",
                _ => "a column chunk cannot be decoded",
            };
            throw Damaged(path, null, where, ex);
        }
    }

    private static Validation.InputException Damaged(string path, string? value, string what, Exception? inner = null) =>
        Validation.InputException.Fatal(path, "(file)", value, $"the Parquet file is damaged: {what}", "Write the file again (e.g. ogr2ogr -f Parquet, or GeoPandas to_parquet); no row of it was loaded.", Validation.IssueCodes.UnreadableFile, inner);

    /// <summary>The file, opened after <see cref="ParquetCheck"/> found its structure sound (so Parquet.Net's work is bounded by it).</summary>
    private static FileStream OpenChecked(string path)
    {
        FileStream stream = File.OpenRead(path);
        if (ParquetCheck.Problem(stream) is string problem)
        {
            stream.Dispose();
            throw Damaged(path, null, problem);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// Parquet.Net's own exceptions, and the generic ones (null reference, index, cast, overflow…) its decoders throw on
    /// damaged bytes — only when thrown inside Parquet.Net or its decompressors, so a bug of twin's is not mistaken for a
    /// damaged file.
    /// </summary>
    private static bool IsDamage(Exception ex) =>
        ex is Parquet.ParquetException or Parquet.Meta.Proto.ThriftProtocolException or EndOfStreamException or JsonException
        || (ex is ArgumentException or IndexOutOfRangeException or InvalidCastException or InvalidOperationException or OverflowException or NotImplementedException or NullReferenceException or InvalidDataException or IOException
            && ThrownByDecoder(ex));

    private static bool ThrownByDecoder(Exception ex)
    {
        System.Reflection.Assembly core = typeof(object).Assembly;
        foreach (System.Diagnostics.StackFrame frame in new System.Diagnostics.StackTrace(ex).GetFrames())
        {
            System.Reflection.Assembly? a = frame.GetMethod()?.DeclaringType?.Assembly;
            if (a is not null && a != core && !a.GetName().Name!.StartsWith("System.", StringComparison.Ordinal))
            {
                string name = a.GetName().Name!;
                return a == typeof(ParquetReader).Assembly || name.StartsWith("IronCompress", StringComparison.Ordinal) || name.StartsWith("Snappier", StringComparison.Ordinal) || name.StartsWith("ZstdSharp", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static async Task<FeatureTable> ReadCoreAsync(string path, IReadOnlyCollection<string>? onlyColumns, ParallelOptions? parallel)
    {
        CancellationToken cancellationToken = parallel?.CancellationToken ?? default;
        await using FileStream stream = OpenChecked(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        (string geometryColumn, CoordinateReferenceSystem? crs, bool crsKnown) = ParseGeoMetadata(reader.CustomMetadata, path);
        DataField[] fields = reader.Schema.GetDataFields();
        DataField geometryField = fields.FirstOrDefault(f => f.Name == geometryColumn)
            ?? throw new InvalidDataException($"{path}: geometry column '{geometryColumn}' named in the GeoParquet metadata is not in the file. Re-export the file with its geometry column.");

        long total = 0, limit = Math.Min(MaxRowsPerByte * stream.Length, Array.MaxLength);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader rg = reader.OpenRowGroupReader(g);
            if (rg.RowCount < 0 || rg.RowCount > limit - total)
            {
                throw Damaged(path, rg.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture), $"row group {g + 1} declares {rg.RowCount} rows, more than {stream.Length} bytes can hold");
            }

            total += rg.RowCount;
        }

        int n = (int)total;
        var blobs = new byte[]?[n];
        var attributeFields = fields.Where(f => f != geometryField && !f.IsArray && (onlyColumns is null || onlyColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase))).ToArray();
        // Floating-point columns stay unboxed (NaN = null): a run output has dozens of them, 10⁶ rows each.
        bool[] floating = attributeFields.Select(f => f.ClrType == typeof(double) || f.ClrType == typeof(float)).ToArray();
        object?[]?[] values = attributeFields.Select((_, c) => floating[c] ? null : new object?[n]).ToArray();
        double[]?[] numbers = attributeFields.Select((_, c) => floating[c] ? new double[n] : null).ToArray();
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader rg = reader.OpenRowGroupReader(g);
            int count = (int)rg.RowCount; // each ≥ 0 and their sum ≤ n: checked above
            await rg.ReadAsync(geometryField, blobs.AsMemory(offset, count), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (int c = 0; c < attributeFields.Length; c++)
            {
                if (numbers[c] is double[] target)
                {
                    await ReadFloatingAsync(rg, attributeFields[c], target.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ReadColumnAsync(rg, attributeFields[c], values[c]!, offset, count, cancellationToken).ConfigureAwait(false);
                }
            }

            offset += count;
        }

        var columns = attributeFields.Select((f, c) => numbers[c] is double[] x ? AttributeColumn.FromNumbers(f.Name, x) : new AttributeColumn(f.Name, TypeOf(f.ClrType), values[c]!)).ToList();
        return FeatureTable.FromWkb(path, "GeoParquet", crsKnown ? crs : null, blobs, columns, parallel);
    }

    private static AttributeType TypeOf(Type t) =>
        t == typeof(bool) ? AttributeType.Boolean
        : t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(uint) || t == typeof(ushort) ? AttributeType.Integer
        : t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(ulong) ? AttributeType.Number
        : AttributeType.Text;

    /// <summary>A double or float column into doubles, null as NaN.</summary>
    private static async Task ReadFloatingAsync(ParquetRowGroupReader rg, DataField field, Memory<double> target, CancellationToken ct)
    {
        int count = target.Length;
        if (field.ClrType == typeof(double) && !field.IsNullable)
        {
            await rg.ReadAsync(field, target, cancellationToken: ct).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(double))
        {
            double?[] buf = new double?[count];
            await rg.ReadAsync(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < count; i++)
            {
                target.Span[i] = buf[i] ?? double.NaN;
            }
        }
        else if (field.IsNullable)
        {
            float?[] buf = new float?[count];
            await rg.ReadAsync(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < count; i++)
            {
                target.Span[i] = buf[i] is float v ? v : double.NaN;
            }
        }
        else
        {
            float[] buf = new float[count];
            await rg.ReadAsync(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < count; i++)
            {
                target.Span[i] = buf[i];
            }
        }
    }

    private static async Task ReadColumnAsync(ParquetRowGroupReader rg, DataField field, object?[] target, int offset, int count, CancellationToken ct)
    {
        Type t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>)) // Parquet.Net 6 reports UTF-8 columns as ReadOnlyMemory<char>
        {
            string?[] buf = new string?[count];
            await rg.ReadAsync(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            Array.Copy(buf, 0, target, offset, count);
        }
        else if (t == typeof(long))
        {
            await ReadStructAsync<long>(rg, field, target, offset, count, ct).ConfigureAwait(false);
        }
        else if (t == typeof(int))
        {
            await ReadStructAsync<int>(rg, field, target, offset, count, ct, v => (long)v).ConfigureAwait(false);
        }
        else if (t == typeof(short))
        {
            await ReadStructAsync<short>(rg, field, target, offset, count, ct, v => (long)v).ConfigureAwait(false);
        }
        else if (t == typeof(bool))
        {
            await ReadStructAsync<bool>(rg, field, target, offset, count, ct).ConfigureAwait(false);
        }
        else if (t == typeof(DateTime))
        {
            await ReadStructAsync<DateTime>(rg, field, target, offset, count, ct, v => v.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        // Other physical types (nested, decimal, binary attributes) are not building attributes we map; they are skipped.
    }

    private static async Task ReadStructAsync<T>(ParquetRowGroupReader rg, DataField field, object?[] target, int offset, int count, CancellationToken ct, Func<T, object>? convert = null)
        where T : struct
    {
        if (field.IsNullable)
        {
            T?[] buf = new T?[count];
            await rg.ReadAsync(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < count; i++)
            {
                target[offset + i] = buf[i] is T v ? (convert is null ? v : convert(v)) : null;
            }
        }
        else
        {
            T[] buf = new T[count];
            await rg.ReadAsync(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int i = 0; i < count; i++)
            {
                target[offset + i] = convert is null ? buf[i] : convert(buf[i]);
            }
        }
    }

    /// <summary>Returns the primary geometry column and its CRS; crsKnown is false when the CRS cannot be determined.</summary>
    internal static (string Column, CoordinateReferenceSystem? Crs, bool CrsKnown) ParseGeoMetadata(IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (!metadata.TryGetValue("geo", out string? geo))
        {
            return ("geometry", null, false);
        }

        using JsonDocument doc = JsonDocument.Parse(geo);
        JsonElement root = doc.RootElement;
        string primary = root.TryGetProperty("primary_column", out JsonElement p) ? p.GetString() ?? "geometry" : "geometry";
        if (!root.TryGetProperty("columns", out JsonElement cols) || !cols.TryGetProperty(primary, out JsonElement col))
        {
            throw new InvalidDataException($"{path}: GeoParquet metadata has no entry for primary column '{primary}'.");
        }

        if (col.TryGetProperty("encoding", out JsonElement enc) && !string.Equals(enc.GetString(), "WKB", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path}: geometry encoding '{enc.GetString()}' is not supported; write the file with WKB encoding (GeoParquet default).");
        }

        if (!col.TryGetProperty("crs", out JsonElement crs))
        {
            return (primary, CoordinateReferenceSystem.Wgs84, true); // GeoParquet: absent crs = OGC:CRS84
        }

        if (crs.ValueKind == JsonValueKind.Null)
        {
            return (primary, null, false); // explicitly undefined
        }

        CoordinateReferenceSystem? parsed = FromProjJson(crs);
        return (primary, parsed, parsed is not null);
    }

    private static CoordinateReferenceSystem? FromProjJson(JsonElement crs)
    {
        if (crs.ValueKind == JsonValueKind.String)
        {
            return CoordinateReferenceSystem.Parse(crs.GetString()!);
        }

        if (crs.TryGetProperty("id", out JsonElement id) && id.TryGetProperty("authority", out JsonElement auth) && id.TryGetProperty("code", out JsonElement code))
        {
            string a = auth.GetString() ?? string.Empty;
            string c = code.ValueKind == JsonValueKind.Number ? code.GetRawText() : code.GetString() ?? string.Empty;
            return CoordinateReferenceSystem.Parse($"{a}:{c}");
        }

        return null;
    }
}
