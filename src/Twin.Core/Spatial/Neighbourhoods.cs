using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Twin.Core.IO;

namespace Twin.Core.Spatial;

/// <summary>
/// Neighbourhood polygons (in the stock's metric CRS) and the assignment of buildings to them by
/// centroid-in-polygon (interior point for concave footprints whose centroid falls outside),
/// via an STR-tree of neighbourhood envelopes and indexed point-in-area locators.
/// </summary>
public sealed class Neighbourhoods
{
    private Neighbourhoods(string[] names, Geometry[] areas)
    {
        Names = names;
        Areas = areas;
    }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<Geometry> Areas { get; }

    /// <summary>Reads neighbourhood polygons (any supported format), naming each by <paramref name="nameField"/>
    /// (default: the first of "name", "nazwa", "id", else the row number) and reprojecting them to <paramref name="target"/>.</summary>
    public static Neighbourhoods Load(string path, CoordinateReferenceSystem target, string? nameField = null)
    {
        FeatureTable table = FeatureReader.Read(path);
        CoordinateReferenceSystem source = table.Crs
            ?? throw new InvalidDataException($"{path}: the CRS of the neighbourhood polygons is unknown; give them a .prj / GeoParquet crs, or use GeoJSON (WGS 84).");
        AttributeColumn? names = nameField is null
            ? table.Find("name") ?? table.Find("nazwa") ?? table.Find("id")
            : table.Find(nameField) ?? throw new InvalidDataException($"{path}: no attribute '{nameField}' to name neighbourhoods by; attributes are {string.Join(", ", table.Columns.Select(c => c.Name))}.");
        var reprojector = new Reprojector(source, target);
        var outNames = new List<string>();
        var areas = new List<Geometry>();
        for (int i = 0; i < table.Count; i++)
        {
            if (table.Geometries[i] is not Geometry g || g is not (Polygon or MultiPolygon))
            {
                throw new InvalidDataException($"{path}: neighbourhood #{i} has {(table.Geometries[i]?.GeometryType ?? "no geometry")}; neighbourhoods must be polygons.");
            }

            outNames.Add(names?.Values[i]?.ToString() ?? $"#{i}");
            Geometry projected = reprojector.Transform(g);
            areas.Add(projected.IsValid ? projected : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(projected));
        }

        return new Neighbourhoods([.. outNames], [.. areas]);
    }

    public static Neighbourhoods FromAreas(IReadOnlyList<string> names, IReadOnlyList<Geometry> areas) => new([.. names], [.. areas]);

    /// <summary>Index of the neighbourhood holding each footprint's centroid; −1 for none. First listed wins on overlaps.</summary>
    public int[] Assign(IReadOnlyList<Geometry?> footprints)
    {
        var tree = new STRtree<int>();
        var locators = new IndexedPointInAreaLocator[Areas.Count];
        for (int k = 0; k < Areas.Count; k++)
        {
            tree.Insert(Areas[k].EnvelopeInternal, k);
            locators[k] = new IndexedPointInAreaLocator(Areas[k]);
        }

        tree.Build();
        int[] result = new int[footprints.Count];
        Parallel.For(0, footprints.Count, i =>
        {
            result[i] = -1;
            if (footprints[i] is not Geometry g)
            {
                return;
            }

            Point c = g.Centroid;
            Coordinate p = g.Contains(c) ? c.Coordinate : g.InteriorPoint.Coordinate;
            int best = int.MaxValue;
            foreach (int k in tree.Query(new Envelope(p)))
            {
                if (k < best && locators[k].Locate(p) != Location.Exterior)
                {
                    best = k;
                }
            }

            result[i] = best == int.MaxValue ? -1 : best;
        });
        return result;
    }
}
