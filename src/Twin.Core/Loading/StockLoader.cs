using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Core.Stock;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Core.Loading;

/// <summary>
/// Turns a footprint file into a validated, measured <see cref="BuildingStock"/> with typologies:
/// read → ids and geometry checks → reproject to a metric CRS → repair or reject invalid geometry →
/// attributes (observed, else inferred by named rules) → footprint metrics and party walls →
/// size class and TABULA type → envelope → neighbourhoods. Every problem is collected as a
/// <see cref="DataIssue"/>; every input row ends up in the stock or in the rejects.
/// </summary>
public static class StockLoader
{
    /// <summary>Loads a footprint file with the default options.</summary>
    public static LoadResult Load(string path, TypologyCatalog catalog) => Load(path, catalog, StockLoadOptions.Default);

    /// <summary>Loads a footprint file of any supported format, optionally joined to neighbourhood polygons; a file that cannot be used at all gives a fatal issue, not an exception.</summary>
    public static LoadResult Load(string path, TypologyCatalog catalog, StockLoadOptions options, string? neighbourhoodsPath = null)
    {
        var clock = Stopwatch.StartNew();
        FeatureTable table;
        try
        {
            table = FeatureReader.Read(path, options.Parallel);
        }
        catch (InputException ex)
        {
            return new LoadResult(path, 0, StockBuilder.Empty(options.MetricCrs ?? CoordinateReferenceSystem.Wgs84), [], ex.Issues, 0, clock.Elapsed);
        }

        return Load(table, catalog, options, neighbourhoodsPath, clock);
    }

    /// <summary>"GeoJSON file", "Shapefile", …: how a message names the kind of file.</summary>
    private static string FormatName(FeatureTable table) => table.Format == "Shapefile" ? "Shapefile" : $"{table.Format} file";

    /// <summary>Loads features already read into a table.</summary>
    public static LoadResult Load(FeatureTable table, TypologyCatalog catalog, StockLoadOptions options, string? neighbourhoodsPath = null) =>
        Load(table, catalog, options, neighbourhoodsPath, Stopwatch.StartNew());

    private static LoadResult Load(FeatureTable table, TypologyCatalog catalog, StockLoadOptions options, string? neighbourhoodsPath, Stopwatch clock)
    {
        options = options with { Mapping = options.Mapping ?? (AttributeMapping.IsTwinStock(table) ? AttributeMapping.TwinStock : AttributeMapping.Osm) };
        string file = table.SourcePath;
        var issues = new IssueList(file);
        int n = table.Count;
        var rows = new RowState[n];
        AssignIds(table, options.Mapping, rows, issues);
        CheckGeometryKinds(table, rows, issues);

        CoordinateReferenceSystem? sourceCrs = table.Crs ?? options.AssumedSourceCrs;
        if (sourceCrs is null)
        {
            string hint = table.CrsProblem is null ? "Add a .prj (Shapefile) or GeoParquet 'crs' metadata, or name the CRS with --source-crs EPSG:xxxx." : "Repair or replace the CRS definition (e.g. a .prj from epsg.io), or name the CRS with --source-crs EPSG:xxxx.";
            issues.Add(null, "crs", null, null, $"the coordinate reference system of this {FormatName(table)} is unknown{(table.CrsProblem is null ? string.Empty : $": {table.CrsProblem}")}", hint, IssueOutcome.Fatal, IssueCodes.UnknownCrs);
            return new LoadResult(file, n, StockBuilder.Empty(options.MetricCrs ?? CoordinateReferenceSystem.Wgs84), RejectAll(table, rows, "the file's CRS is unknown"), issues.ToSortedList(), 0, clock.Elapsed);
        }

        if (!Reprojector.TryCreate(sourceCrs, CoordinateReferenceSystem.Wgs84, out _, out string? crsError))
        {
            issues.Add(null, "crs", sourceCrs.Name, null, $"the coordinate reference system of this {FormatName(table)} cannot be used: {crsError}", "Reproject the file to a CRS twin knows (e.g. ogr2ogr -t_srs EPSG:4326), or name the right one with --source-crs EPSG:xxxx if the definition is wrong.", IssueOutcome.Fatal, IssueCodes.UnusableCrs);
            return new LoadResult(file, n, StockBuilder.Empty(options.MetricCrs ?? CoordinateReferenceSystem.Wgs84), RejectAll(table, rows, "the file's CRS cannot be used"), issues.ToSortedList(), 0, clock.Elapsed);
        }

        Plausibility.CheckCoordinates(table, rows, sourceCrs, issues, options.Parallel);
        CoordinateReferenceSystem metric = options.MetricCrs ?? MetricCrs.ForCentres(rows.Where(r => r.RejectCode is null && r.CentreLonLat is not null).Select(r => r.CentreLonLat!).ToList());
        if (options.MetricCrs is null)
        {
            Plausibility.RejectOutliers(rows, metric, issues);
        }

        if (!Reprojector.TryCreate(sourceCrs, metric, out Reprojector? reprojector, out crsError))
        {
            issues.Add(null, "crs", metric.Label, null, $"the footprints cannot be measured in {metric.Label}: {crsError}", "Choose another metric CRS with --metric-crs.", IssueOutcome.Fatal, IssueCodes.UnusableCrs);
            return new LoadResult(file, n, StockBuilder.Empty(metric), RejectAll(table, rows, "the file's CRS cannot be used"), issues.ToSortedList(), 0, clock.Elapsed);
        }

        options.Cancellation.ThrowIfCancellationRequested();
        int repaired = ProjectAndRepair(table, rows, reprojector, options, issues);

        var accepted = Enumerable.Range(0, n).Where(i => rows[i].RejectCode is null).ToArray();
        var geometries = accepted.Select(i => rows[i].Geometry!).ToArray();
        options.Cancellation.ThrowIfCancellationRequested();
        FootprintMeasures measures = FootprintMetrics.Compute(geometries, options.Metrics, options.Parallel);
        options.Cancellation.ThrowIfCancellationRequested();

        var attributes = new AttributeResolver(table, options, catalog, issues, metric);
        StockBuilder builder = attributes.Resolve(accepted, rows, geometries, measures);
        if (neighbourhoodsPath is not null)
        {
            Neighbourhoods hoods = Neighbourhoods.Load(neighbourhoodsPath, metric, parallel: options.Parallel);
            builder.SetNeighbourhoods(hoods.Names, hoods.Assign(geometries, options.Parallel));
        }
        else if (attributes.NeighbourhoodsFromAttribute(builder) is (IReadOnlyList<string> names, int[] index))
        {
            builder.SetNeighbourhoods(names, index);
        }

        BuildingStock stock = builder.Build();
        var rejects = Enumerable.Range(0, n)
            .Where(i => rows[i].RejectCode is not null)
            .Select(i => new RejectedBuilding(i, rows[i].Id, rows[i].RejectCode!, rows[i].RejectReason!, table.Geometries[i]))
            .ToList();
        return new LoadResult(file, n, stock, rejects, issues.ToSortedList(), repaired, clock.Elapsed) { SourceCrs = sourceCrs };
    }

    private static void AssignIds(FeatureTable table, AttributeMapping mapping, RowState[] rows, IssueList issues)
    {
        AttributeColumn? idColumn = mapping.Id.Select(table.Find).FirstOrDefault(c => c is not null);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.Count; i++)
        {
            string? id = AttributeParsing.Text(idColumn?.Values[i]) ?? table.FeatureIds[i];
            if (id is null)
            {
                id = $"row-{i + 1}";
                issues.Add(id, idColumn?.Name ?? "id", null, null, $"feature #{i + 1} has no id", $"Gave it the id '{id}'; add ids to the source (attribute '{(mapping.Id.Count > 0 ? mapping.Id[0] : "id")}') to keep results joinable.", IssueOutcome.Repaired, IssueCodes.MissingId);
            }

            rows[i].Id = id;
            if (seen.TryGetValue(id, out int first))
            {
                Reject(rows, i, issues, idColumn?.Name ?? "id", id, null, IssueCodes.DuplicateId, $"id '{id}' is already used by feature #{first + 1}", "Make ids unique in the source; the first feature with this id was kept.");
            }
            else
            {
                seen.Add(id, i);
            }
        }
    }

    private static void CheckGeometryKinds(FeatureTable table, RowState[] rows, IssueList issues)
    {
        for (int i = 0; i < table.Count; i++)
        {
            if (rows[i].RejectCode is not null)
            {
                continue;
            }

            Geometry? g = table.Geometries[i];
            if (table.RowErrors[i] is string error)
            {
                Reject(rows, i, issues, "geometry", null, null, IssueCodes.MalformedFeature, error, "Fix the feature in the source (e.g. re-export it from QGIS).");
            }
            else if (g is null || g.IsEmpty)
            {
                Reject(rows, i, issues, "geometry", "empty", null, IssueCodes.EmptyGeometry, "the feature has no geometry", "Draw the footprint or drop the feature.");
            }
            else if (g is GeometryCollection and not MultiPolygon)
            {
                Geometry polygons = PolygonExtracter.GetPolygons(g) is { Count: > 0 } parts ? g.Factory.BuildGeometry(parts) : g.Factory.CreatePolygon();
                if (polygons.IsEmpty)
                {
                    Reject(rows, i, issues, "geometry", g.GeometryType, null, IssueCodes.NotPolygonal, $"a {g.GeometryType} without polygons is not a footprint", "Footprints must be Polygon or MultiPolygon.");
                }
                else
                {
                    rows[i].Input = polygons;
                    rows[i].Repaired = true;
                    issues.Add(rows[i].Id, "geometry", g.GeometryType, null, "non-polygonal parts of a GeometryCollection were dropped", "Export footprints as (Multi)Polygons.", IssueOutcome.Repaired, IssueCodes.NotPolygonal);
                }
            }
            else if (g is not (Polygon or MultiPolygon))
            {
                Reject(rows, i, issues, "geometry", g.GeometryType, null, IssueCodes.NotPolygonal, $"a {g.GeometryType} is not a footprint", "Footprints must be Polygon or MultiPolygon; convert points/lines to building outlines first.");
            }
            else
            {
                rows[i].Input = g;
            }
        }
    }

    private static int ProjectAndRepair(FeatureTable table, RowState[] rows, Reprojector reprojector, StockLoadOptions options, IssueList issues)
    {
        Parallel.For(0, table.Count, options.Parallel, i =>
        {
            if (rows[i].Input is not Geometry input || rows[i].RejectCode is not null)
            {
                return;
            }

            Geometry g;
            try
            {
                g = reprojector.Transform(input);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
            {
                Reject(rows, i, issues, "geometry", null, null, IssueCodes.MalformedFeature, $"cannot reproject to {reprojector.To}: {ex.Message}", "Check the source CRS and the coordinates' range.");
                return;
            }

            if (!g.IsValid)
            {
                string why = Describe(new NetTopologySuite.Operation.Valid.IsValidOp(g).ValidationError);
                Geometry fixedGeometry = GeometryFixer.Fix(g);
                Geometry polygons = fixedGeometry is Polygon or MultiPolygon ? fixedGeometry
                    : PolygonExtracter.GetPolygons(fixedGeometry) is { Count: > 0 } parts ? g.Factory.BuildGeometry(parts) : g.Factory.CreatePolygon();
                if (polygons.IsEmpty || polygons.Area <= 0)
                {
                    Reject(rows, i, issues, "geometry", why, null, IssueCodes.InvalidGeometryRejected, $"invalid footprint ({why}) cannot be repaired into a polygon with area", "Redraw the footprint.");
                    return;
                }

                issues.Add(rows[i].Id, "geometry", why, null, $"invalid footprint ({why}) repaired", "Repaired with NTS GeometryFixer; check the outline in the source.", IssueOutcome.Repaired, IssueCodes.InvalidGeometryRepaired);
                rows[i].Repaired = true;
                g = polygons;
            }

            double area = g.Area;
            if (area < 1e-6) // a collapsed ring; reprojection leaves a few µm² of rounding
            {
                Reject(rows, i, issues, "geometry", "0", "m²", IssueCodes.InvalidGeometryRejected, "footprint has zero area (collapsed ring) and cannot be repaired", "Redraw the footprint.");
                return;
            }

            if (area > options.MaxFootprintAreaM2)
            {
                Reject(rows, i, issues, "geometry", area.ToString("G4", CultureInfo.InvariantCulture), "m²", IssueCodes.TooLarge, $"footprint area {area / 1e6:0.###} km² is larger than any building (the largest cover about 0.4 km²)", "Check the coordinates and the CRS (a unit error, or one damaged vertex, makes a footprint huge).");
                return;
            }

            if (area < options.MinFootprintAreaM2)
            {
                Reject(rows, i, issues, "geometry", area.ToString("0.###", CultureInfo.InvariantCulture), "m²", IssueCodes.TooSmall, $"footprint area {area:0.###} m² is below the minimum {options.MinFootprintAreaM2} m²", "Check for a digitising artefact or a wrong CRS (degrees read as metres).");
                return;
            }

            rows[i].Geometry = g;
        });
        return rows.Count(r => r.Repaired && r.RejectCode is null);
    }

    /// <summary>"self-intersection at (x, y)": the error type by name (NTS's Message property can throw for some types).</summary>
    private static string Describe(NetTopologySuite.Operation.Valid.TopologyValidationError? error)
    {
        if (error is null)
        {
            return "invalid";
        }

        string kind = System.Text.RegularExpressions.Regex.Replace(error.ErrorType.ToString(), "(?<!^)([A-Z])", " $1").ToLowerInvariant();
        return error.Coordinate is Coordinate c ? string.Create(CultureInfo.InvariantCulture, $"{kind} at ({c.X:0.##}, {c.Y:0.##})") : kind;
    }

    private static List<RejectedBuilding> RejectAll(FeatureTable table, RowState[] rows, string reason) =>
        Enumerable.Range(0, table.Count)
            .Select(i => new RejectedBuilding(i, rows[i].Id, rows[i].RejectCode ?? IssueCodes.UnknownCrs, rows[i].RejectReason ?? reason, table.Geometries[i]))
            .ToList();

    internal static void Reject(RowState[] rows, int i, IssueList issues, string field, string? value, string? unit, string code, string message, string hint)
    {
        rows[i].RejectCode = code;
        rows[i].RejectReason = message;
        issues.Add(rows[i].Id, field, value, unit, message, hint, IssueOutcome.Rejected, code);
    }

    /// <summary>Per-row working state of a load.</summary>
    internal struct RowState
    {
        public string? Id;
        public Geometry? Input;
        public Geometry? Geometry;
        public bool Repaired;
        public string? RejectCode;
        public string? RejectReason;
        public Coordinate? CentreLonLat;
    }
}
