using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Twin.Core.IO;
using Twin.Core.Validation;

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

    /// <summary>Neighbourhood names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Neighbourhood polygons in the target CRS.</summary>
    public IReadOnlyList<Geometry> Areas { get; }

    /// <summary>Reads neighbourhood polygons (any supported format), naming each by <paramref name="nameField"/>
    /// (default: the first of "name", "nazwa", "id", else the row number) and reprojecting them to <paramref name="target"/>.</summary>
    /// <exception cref="InputException">The file cannot be read, has no usable CRS, no polygons or features that are not polygons (all listed).</exception>
    public static Neighbourhoods Load(string path, CoordinateReferenceSystem target, string? nameField = null, ParallelOptions? parallel = null)
    {
        const string Hint = "Neighbourhoods are polygons with a name (attribute 'name', 'nazwa' or 'id'); 'twin grid' writes a regular grid of them.";
        FeatureTable table = FeatureReader.Read(path, parallel);
        CoordinateReferenceSystem source = table.Crs
            ?? throw InputException.Fatal(path, "crs", null, "the CRS of the neighbourhood polygons is unknown", "Give them a .prj / GeoParquet crs, or use GeoJSON (WGS 84).", IssueCodes.UnknownCrs);
        AttributeColumn? names = nameField is null
            ? table.Find("name") ?? table.Find("nazwa") ?? table.Find("id")
            : table.Find(nameField) ?? throw InputException.Fatal(path, nameField, null, $"no attribute '{nameField}' to name neighbourhoods by", $"Attributes are {string.Join(", ", table.Columns.Select(c => c.Name))}.");
        if (!Reprojector.TryCreate(source, target, out Reprojector? reprojector, out string? error))
        {
            throw InputException.Fatal(path, "crs", source.Label, $"the neighbourhoods' CRS cannot be used: {error}", "Reproject them to EPSG:4326 or EPSG:2180.", IssueCodes.UnusableCrs);
        }

        var issues = new List<DataIssue>();
        var outNames = new List<string>();
        var areas = new List<Geometry>();
        for (int i = 0; i < table.Count; i++)
        {
            if (table.Geometries[i] is not Geometry g || g is not (Polygon or MultiPolygon))
            {
                string kind = table.Geometries[i]?.GeometryType ?? "no geometry";
                issues.Add(new DataIssue(path, table.FeatureIds[i] ?? $"#{i + 1}", "geometry", kind, null, $"neighbourhood #{i + 1} has {kind}, not a polygon", Hint, IssueOutcome.Fatal, IssueCodes.NotPolygonal));
                continue;
            }

            outNames.Add(names?.Values[i]?.ToString() ?? $"#{i}");
            Geometry projected = reprojector.Transform(g);
            areas.Add(projected.IsValid ? projected : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(projected));
        }

        if (table.Count == 0)
        {
            issues.Add(new DataIssue(path, null, "(file)", null, null, "the file holds no neighbourhood polygons", Hint, IssueOutcome.Fatal, IssueCodes.EmptyGeometry));
        }

        return issues.Count > 0 ? throw new InputException(issues) : new Neighbourhoods([.. outNames], [.. areas]);
    }

    /// <summary>Neighbourhoods from names and polygons already in the stock's metric CRS.</summary>
    public static Neighbourhoods FromAreas(IReadOnlyList<string> names, IReadOnlyList<Geometry> areas) => new([.. names], [.. areas]);

    /// <summary>Index of the neighbourhood holding each footprint's centroid; −1 for none. First listed wins on overlaps.</summary>
    public int[] Assign(IReadOnlyList<Geometry?> footprints, ParallelOptions? parallel = null)
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
        Parallel.For(0, footprints.Count, parallel ?? new ParallelOptions(), i =>
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
