using Parquet;
using Parquet.Schema;

namespace Twin.Core.IO;

/// <summary>Writes attribute columns (no geometry) as a Parquet file, e.g. per-year and per-neighbourhood aggregates; tmp + rename.</summary>
public static class ParquetTableWriter
{
    /// <summary>Writes the columns as one Parquet row group, optionally with file metadata.</summary>
    public static void Write(IReadOnlyList<AttributeColumn> columns, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        WriteAsync(columns, path, metadata).GetAwaiter().GetResult();

    /// <summary>Writes the columns as one Parquet row group, optionally with file metadata, to a temporary name renamed into place.</summary>
    public static async Task WriteAsync(IReadOnlyList<AttributeColumn> columns, string path, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        int count = columns.Count == 0 ? 0 : columns[0].Values.Length;
        var fields = columns.Select(ParquetColumns.Field).ToArray();
        string tmp = path + ".tmp-" + Environment.ProcessId;
        await using (FileStream stream = File.Create(tmp))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (metadata is not null)
            {
                writer.CustomMetadata = metadata.ToDictionary(kv => kv.Key, kv => kv.Value);
            }

            using ParquetRowGroupWriter rg = writer.CreateRowGroup();
            for (int c = 0; c < columns.Count; c++)
            {
                await ParquetColumns.WriteAsync(rg, fields[c], columns[c], 0, count, cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Writes the same columns as CSV (RFC 4180 quoting, invariant culture).</summary>
    public static void WriteCsv(IReadOnlyList<AttributeColumn> columns, string path)
    {
        int count = columns.Count == 0 ? 0 : columns[0].Values.Length;
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(',', columns.Select(c => Quote(c.Name))));
        for (int i = 0; i < count; i++)
        {
            w.WriteLine(string.Join(',', columns.Select(c => c.Values[i] switch
            {
                null => string.Empty,
                double d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                object o => Quote(o.ToString() ?? string.Empty),
            })));
        }
    }

    private static string Quote(string v) => v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
}
