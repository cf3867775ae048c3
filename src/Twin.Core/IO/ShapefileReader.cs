using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Reads an Esri Shapefile (.shp + .shx + .dbf, with the CRS from the .prj beside it; a missing or
/// unparsable .prj leaves the CRS unknown, which the loader reports unless the user names one).
/// </summary>
public static class ShapefileReader
{
    /// <summary>Reads the Shapefile at <paramref name="path"/> (.shp, with its .shx, .dbf and .prj beside it).</summary>
    public static FeatureTable Read(string path)
    {
        Feature[] features = Shapefile.ReadAllFeatures(path);
        int n = features.Length;
        var geometries = new Geometry?[n];
        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < n; i++)
        {
            geometries[i] = features[i].Geometry is { IsEmpty: false } g ? g : null;
            IAttributesTable? attrs = features[i].Attributes;
            if (attrs is null)
            {
                continue;
            }

            foreach (string name in attrs.GetNames())
            {
                if (!columns.TryGetValue(name, out object?[]? values))
                {
                    values = new object?[n];
                    columns.Add(name, values);
                    order.Add(name);
                }

                values[i] = Normalise(attrs[name]);
            }
        }

        string prj = Path.ChangeExtension(path, ".prj");
        CoordinateReferenceSystem? crs = null;
        if (File.Exists(prj))
        {
            try
            {
                crs = CoordinateReferenceSystem.FromWkt(File.ReadAllText(prj));
            }
            catch (FormatException)
            {
                crs = null;
            }
        }

        var cols = order.Select(name => AttributeColumn.Infer(name, columns[name])).ToList();
        return new FeatureTable(path, "Shapefile", crs, geometries, cols);
    }

    /// <summary>DBF gives ints, decimals and padded strings; the loader wants long/double/trimmed text.</summary>
    private static object? Normalise(object? v) => v switch
    {
        null or DBNull => null,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        int i => (long)i,
        short s => (long)s,
        decimal d => (double)d,
        float f => (double)f,
        DateTime dt => dt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => v,
    };
}
