using Parquet;
using Parquet.Schema;

namespace Twin.Core.IO;

/// <summary>Typed Parquet columns for <see cref="AttributeColumn"/>s, shared by the GeoParquet and plain Parquet writers.</summary>
internal static class ParquetColumns
{
    public static DataField Field(AttributeColumn c) => c.Type switch
    {
        AttributeType.Number => new DataField<double?>(c.Name),
        AttributeType.Integer => new DataField<long?>(c.Name),
        AttributeType.Boolean => new DataField<bool?>(c.Name),
        _ => new DataField<string>(c.Name),
    };

    public static async Task WriteAsync(ParquetRowGroupWriter rg, DataField field, AttributeColumn column, int start, int count, CancellationToken ct)
    {
        if (column.Numbers is double[] numbers)
        {
            var typed = new double?[count];
            for (int i = 0; i < count; i++)
            {
                double x = numbers[start + i];
                typed[i] = double.IsNaN(x) ? null : x;
            }

            await rg.WriteAsync<double>(field, typed.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return;
        }

        object?[] v = column.Values;
        switch (column.Type)
        {
            case AttributeType.Number:
                {
                    var buf = new double?[count];
                    for (int i = 0; i < count; i++)
                    {
                        buf[i] = v[start + i] is null ? null : Convert.ToDouble(v[start + i], System.Globalization.CultureInfo.InvariantCulture);
                    }

                    await rg.WriteAsync<double>(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                    break;
                }

            case AttributeType.Integer:
                {
                    var buf = new long?[count];
                    for (int i = 0; i < count; i++)
                    {
                        buf[i] = v[start + i] is null ? null : Convert.ToInt64(v[start + i], System.Globalization.CultureInfo.InvariantCulture);
                    }

                    await rg.WriteAsync<long>(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                    break;
                }

            case AttributeType.Boolean:
                {
                    var buf = new bool?[count];
                    for (int i = 0; i < count; i++)
                    {
                        buf[i] = v[start + i] as bool?;
                    }

                    await rg.WriteAsync<bool>(field, buf.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                    break;
                }

            default:
                {
                    var buf = new string[count];
                    for (int i = 0; i < count; i++)
                    {
                        buf[i] = v[start + i] is null ? null! : Convert.ToString(v[start + i], System.Globalization.CultureInfo.InvariantCulture)!;
                    }

                    await rg.WriteAsync(field, buf).ConfigureAwait(false);
                    break;
                }
        }
    }

}
