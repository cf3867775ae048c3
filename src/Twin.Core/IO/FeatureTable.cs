using NetTopologySuite.Geometries;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>The value type of an <see cref="AttributeColumn"/>, as declared by the source or inferred from its values.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Names mirror SQL/Parquet column types.")]
public enum AttributeType : byte
{
    Text,
    Number,
    Integer,
    Boolean,
}

/// <summary>One attribute of every feature of a <see cref="FeatureTable"/>; <c>null</c> where a feature lacks it.</summary>
public sealed class AttributeColumn
{
    private readonly double[]? _numbers;
    private object?[]? _values;

    public AttributeColumn(string name, AttributeType type, object?[] values)
    {
        Name = name;
        Type = type;
        _values = values;
        Count = values.Length;
    }

    private AttributeColumn(string name, double[] numbers)
    {
        Name = name;
        Type = AttributeType.Number;
        _numbers = numbers;
        Count = numbers.Length;
    }

    public string Name { get; }

    public AttributeType Type { get; }

    public int Count { get; }

    /// <summary>The unboxed values of a column made by <see cref="FromNumbers"/> (NaN = missing); null otherwise.</summary>
    public double[]? Numbers => _numbers;

    /// <summary>Boxed values: <see cref="string"/>, <see cref="double"/>, <see cref="long"/> or <see cref="bool"/> (boxed on first use for numeric columns).</summary>
    public object?[] Values => _values ??= _numbers!.Select(v => double.IsNaN(v) ? null : (object?)v).ToArray();

    /// <summary>A numeric column kept as doubles, so writers of large tables need not box a million values; NaN means missing.</summary>
    public static AttributeColumn FromNumbers(string name, double[] values) => new(name, values);

    /// <summary>Builds a column whose type is inferred from its values (numbers win over text only if all non-null values are numbers).</summary>
    public static AttributeColumn Infer(string name, object?[] values)
    {
        bool allInteger = true, allNumber = true, allBool = true, any = false;
        foreach (object? v in values)
        {
            if (v is null)
            {
                continue;
            }

            any = true;
            allInteger &= v is long or int;
            allNumber &= v is double or long or int or float;
            allBool &= v is bool;
        }

        AttributeType type = !any ? AttributeType.Text
            : allBool ? AttributeType.Boolean
            : allInteger ? AttributeType.Integer
            : allNumber ? AttributeType.Number
            : AttributeType.Text;
        if (type == AttributeType.Number)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = values[i] is null ? null : Convert.ToDouble(values[i], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        else if (type == AttributeType.Text)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is not null and not string)
                {
                    values[i] = Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return new AttributeColumn(name, type, values);
    }
}

/// <summary>
/// Features as read from one file, before validation: a geometry per row (null where missing or
/// unreadable, with the reason in <see cref="RowErrors"/>) and attribute columns. Readers fill it;
/// <see cref="Loading.StockLoader"/> turns it into a <see cref="Stock.BuildingStock"/>.
/// </summary>
public sealed class FeatureTable
{
    public FeatureTable(string sourcePath, string format, CoordinateReferenceSystem? crs, Geometry?[] geometries, IReadOnlyList<AttributeColumn> columns, string?[]? rowErrors = null, string?[]? featureIds = null)
    {
        SourcePath = sourcePath;
        Format = format;
        Crs = crs;
        Geometries = geometries;
        Columns = columns;
        RowErrors = rowErrors ?? new string?[geometries.Length];
        FeatureIds = featureIds ?? new string?[geometries.Length];
        foreach (AttributeColumn c in columns)
        {
            if (c.Count != geometries.Length)
            {
                throw new ArgumentException($"Column '{c.Name}' has {c.Count} values for {geometries.Length} features.", nameof(columns));
            }
        }
    }

    public string SourcePath { get; }

    /// <summary>"GeoJSON", "GeoParquet", "GeoPackage" or "Shapefile".</summary>
    public string Format { get; }

    /// <summary>The CRS of <see cref="Geometries"/>; null when the source did not say and none was given.</summary>
    public CoordinateReferenceSystem? Crs { get; }

    public Geometry?[] Geometries { get; }

    public IReadOnlyList<AttributeColumn> Columns { get; }

    /// <summary>Per row: why the feature could not be read (malformed JSON, bad WKB…), else null.</summary>
    public string?[] RowErrors { get; }

    /// <summary>Per row: the format's own feature id (GeoJSON "id", GeoPackage fid), else null.</summary>
    public string?[] FeatureIds { get; }

    public int Count => Geometries.Length;

    public AttributeColumn? Find(string name)
    {
        foreach (AttributeColumn c in Columns)
        {
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }
}
