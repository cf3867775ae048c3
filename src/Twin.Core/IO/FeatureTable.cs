using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>The value type of an <see cref="AttributeColumn"/>, as declared by the source or inferred from its values.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Names mirror SQL/Parquet column types.")]
public enum AttributeType : byte
{
    /// <summary>Text (UTF-8 string).</summary>
    Text,
    /// <summary>Floating-point number (double).</summary>
    Number,
    /// <summary>Integer (64-bit).</summary>
    Integer,
    /// <summary>True or false.</summary>
    Boolean,
}

/// <summary>One attribute of every feature of a <see cref="FeatureTable"/>; <c>null</c> where a feature lacks it.</summary>
public sealed class AttributeColumn
{
    private readonly double[]? _numbers;
    private object?[]? _values;

    /// <summary>A column of boxed values (string, double, long or bool; null = missing).</summary>
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

    /// <summary>Attribute name as in the source.</summary>
    public string Name { get; }

    /// <summary>Value type of the column.</summary>
    public AttributeType Type { get; }

    /// <summary>Number of values (= features of the table).</summary>
    public int Count { get; }

    /// <summary>The unboxed values of a column made by <see cref="FromNumbers"/> (NaN = missing); null otherwise.</summary>
    public double[]? Numbers => _numbers;

    /// <summary>Boxed values: <see cref="string"/>, <see cref="double"/>, <see cref="long"/> or <see cref="bool"/> (boxed on first use for numeric columns).</summary>
    public object?[] Values => _values ??= _numbers!.Select(v => double.IsNaN(v) ? null : (object?)v).ToArray();

    /// <summary>Row i's value as <see cref="Values"/> has it, without boxing a whole numeric column for one row (a picked building's card).</summary>
    public object? ValueAt(int i) => _numbers is double[] x && _values is null ? (double.IsNaN(x[i]) ? null : x[i]) : Values[i];

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
/// A table read from WKB (GeoParquet) keeps the blobs and builds NTS geometries only when
/// <see cref="Geometries"/> is first asked for: a map needs only <see cref="Polygons"/>, decoded straight
/// into columns at a tenth of the cost.
/// </summary>
public sealed class FeatureTable
{
    private readonly object _gate = new();
    private readonly string?[] _rowErrors;
    private Geometry?[]? _geometries;
    private byte[]?[]? _wkb;
    private ParallelOptions? _parallel;

    /// <summary>A table of geometries (null = none) and columns of the same length; <paramref name="rowErrors"/> says why a row is unreadable, <paramref name="featureIds"/> holds the format's own ids.</summary>
    public FeatureTable(string sourcePath, string format, CoordinateReferenceSystem? crs, Geometry?[] geometries, IReadOnlyList<AttributeColumn> columns, string?[]? rowErrors = null, string?[]? featureIds = null)
        : this(sourcePath, format, crs, geometries.Length, columns, rowErrors, featureIds)
    {
        _geometries = geometries;
    }

    private FeatureTable(string sourcePath, string format, CoordinateReferenceSystem? crs, int count, IReadOnlyList<AttributeColumn> columns, string?[]? rowErrors, string?[]? featureIds)
    {
        SourcePath = sourcePath;
        Format = format;
        Crs = crs;
        Count = count;
        Columns = columns;
        _rowErrors = rowErrors ?? new string?[count];
        FeatureIds = featureIds ?? new string?[count];
        foreach (AttributeColumn c in columns)
        {
            if (c.Count != count)
            {
                throw new ArgumentException($"Column '{c.Name}' has {c.Count} values for {count} features.", nameof(columns));
            }
        }
    }

    /// <summary>The file the features were read from (or a name for tables made in memory).</summary>
    public string SourcePath { get; }

    /// <summary>"GeoJSON", "GeoParquet", "GeoPackage" or "Shapefile".</summary>
    public string Format { get; }

    /// <summary>The CRS of <see cref="Geometries"/>; null when the source did not say and none was given.</summary>
    public CoordinateReferenceSystem? Crs { get; }

    /// <summary>Why <see cref="Crs"/> is null when the file tried to say (a damaged .prj, a CRS name twin does not know); null otherwise.</summary>
    public string? CrsProblem { get; init; }

    /// <summary>One NTS geometry per row (parsed from WKB on first use for tables made by <see cref="FromWkb"/>).</summary>
    public Geometry?[] Geometries => Volatile.Read(ref _geometries) ?? ParseOnce();

    /// <summary>The attribute columns, in source order.</summary>
    public IReadOnlyList<AttributeColumn> Columns { get; }

    /// <summary>Per row: why the feature could not be read (malformed JSON, bad WKB…), else null.</summary>
    public string?[] RowErrors
    {
        get
        {
            _ = Geometries; // WKB errors are known once parsed
            return _rowErrors;
        }
    }

    /// <summary>Per row: the format's own feature id (GeoJSON "id", GeoPackage fid), else null.</summary>
    public string?[] FeatureIds { get; }

    /// <summary>Number of features (rows).</summary>
    public int Count { get; }

    /// <summary>A table whose geometries are WKB blobs (null = missing), parsed to NTS only when <see cref="Geometries"/> is used.</summary>
    /// <remarks><paramref name="parallel"/> (threads, cancellation) is used when the geometries are parsed.</remarks>
    public static FeatureTable FromWkb(string sourcePath, string format, CoordinateReferenceSystem? crs, byte[]?[] wkb, IReadOnlyList<AttributeColumn> columns, ParallelOptions? parallel = null) =>
        new(sourcePath, format, crs, wkb.Length, columns, null, null) { _wkb = wkb, _parallel = parallel };

    /// <summary>
    /// The polygonal geometries as flat columns (a new copy per call, free to reproject in place): decoded straight
    /// from WKB while the blobs are still held, else flattened from <see cref="Geometries"/>. Rows whose geometry is
    /// missing, unreadable or not polygonal have no polygons.
    /// </summary>
    public PolygonColumns Polygons()
    {
        lock (_gate)
        {
            if (_geometries is null)
            {
                return WkbPolygons.Decode(_wkb!, new string?[Count], _parallel); // the reasons are RowErrors' once Geometries is parsed
            }
        }

        return PolygonColumns.FromGeometries(_geometries);
    }

    private Geometry?[] ParseOnce()
    {
        lock (_gate)
        {
            if (_geometries is null)
            {
                Geometry?[] parsed = ParseWkb(_wkb!, _rowErrors, _parallel ?? new ParallelOptions());
                _wkb = null; // from now on the geometries are the source of truth
                Volatile.Write(ref _geometries, parsed);
            }

            return _geometries;
        }
    }

    /// <summary>WKB → NTS in parallel, one reader per worker (WKBReader is not thread-safe).</summary>
    private static Geometry?[] ParseWkb(byte[]?[] blobs, string?[] errors, ParallelOptions parallel)
    {
        var geometries = new Geometry?[blobs.Length];
        Parallel.For(0, blobs.Length, parallel, () => new WKBReader(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 0)), (i, _, reader) =>
        {
            if (blobs[i] is { Length: > 0 } blob)
            {
                if (WkbCheck.Problem(blob) is string problem)
                {
                    errors[i] = $"malformed WKB geometry: {problem}";
                    return reader;
                }

                try
                {
                    geometries[i] = reader.Read(blob);
                }
                catch (Exception ex) when (ex is ParseException or ArgumentException or IOException or InvalidOperationException)
                {
                    errors[i] = $"malformed WKB geometry: {ex.Message}";
                }
            }

            return reader;
        }, _ => { });
        return geometries;
    }

    /// <summary>The column of that name, case-insensitive; null when absent.</summary>
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
