using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Viewer.Png;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Cli;

/// <summary><c>twin render</c>: a run's buildings extruded to their heights and coloured by a result column, headless (EGL) to PNG.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "A run folder (or its buildings.parquet)", Required = true };
        var column = new Option<string>("--column") { Description = "Numeric column to colour by, e.g. co2_2050_kg, heat_need_after_kwh, npv_eur", Required = true };
        var diff = new Option<string?>("--diff") { Description = "Another run of the same stock: colour by this run minus that one (diverging ramp)" };
        var output = new Option<string>("--out") { Description = "PNG to write", Required = true };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT in pixels", DefaultValueFactory = _ => "1920x1080" };
        var camera = new Option<string>("--camera") { Description = "top (map) or oblique (3D)", DefaultValueFactory = _ => "top" };
        var year = new Option<int?>("--year") { Description = "State in this year of the pathway: --column is then a stem with _before/_after columns (e.g. heat_need, electricity, primary_energy)" };
        var pick = new Option<string?>("--pick") { Description = "X,Y pixel (from the top left): print the building drawn there and its results" };
        var command = new Command("render", "Render a map of a run's results to PNG (headless GPU/software OpenGL)") { results, column, diff, output, size, camera, year, pick };
        command.SetAction(r =>
        {
            (int width, int height) = ParseSize(r.GetValue(size)!);
            CameraKind kind = r.GetValue(camera) switch
            {
                "top" => CameraKind.TopDown,
                "oblique" => CameraKind.Oblique,
                var unknown => throw new ArgumentException($"--camera {unknown}: use top or oblique."),
            };
            Render(r.GetValue(results)!, r.GetValue(column)!, r.GetValue(diff), r.GetValue(year), r.GetValue(output)!, width, height, kind, r.GetValue(pick));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A column's values; with a year, the state in that year: the stem's "_after" column where the building was
    /// renovated by then, else its "_before" column (e.g. heat_need → heat_need_before_kwh / heat_need_after_kwh).
    /// </summary>
    internal static double[] Values(FeatureTable t, string name, int? year)
    {
        if (year is not int y)
        {
            return Numbers(t, name);
        }

        string? before = t.Columns.Select(c => c.Name).FirstOrDefault(c => c.StartsWith(name + "_before", StringComparison.Ordinal));
        if (before is null)
        {
            string stems = string.Join(", ", t.Columns.Select(c => c.Name).Where(c => c.Contains("_before", StringComparison.Ordinal)).Select(c => c[..c.IndexOf("_before", StringComparison.Ordinal)]).Distinct());
            throw new ArgumentException($"'{name}' is not a stem with _before/_after columns in {t.SourcePath} (a state in a year needs one). Stems: {stems}.");
        }

        string after = before.Replace("_before", "_after", StringComparison.Ordinal);
        double[] b = Numbers(t, before), a = Numbers(t, after), renovated = Numbers(t, "renovation_year");
        return b.Select((v, i) => double.IsFinite(renovated[i]) && renovated[i] <= y ? a[i] : v).ToArray();
    }

    private static void PrintPick(FeatureTable t, RenderedFrame frame, string at)
    {
        string[] p = at.Split(',');
        if (p.Length != 2 || !int.TryParse(p[0], CultureInfo.InvariantCulture, out int x) || !int.TryParse(p[1], CultureInfo.InvariantCulture, out int y) || x < 0 || y < 0 || x >= frame.Width || y >= frame.Height)
        {
            throw new ArgumentException($"--pick {at}: give X,Y inside the {frame.Width}×{frame.Height} image.");
        }

        int i = frame.BuildingAt(x, y);
        if (i < 0)
        {
            Console.WriteLine($"pixel {x},{y}: no building");
            return;
        }

        var card = new Table().Title($"building at pixel {x},{y}").AddColumns("attribute", "value");
        foreach (AttributeColumn c in t.Columns)
        {
            card.AddRow(Markup.Escape(c.Name), Markup.Escape(Convert.ToString(c.ValueAt(i), CultureInfo.InvariantCulture) ?? string.Empty));
        }

        AnsiConsole.Write(card);
    }

    /// <summary>The unit carried in a column name's suffix (SCHEMA.md convention).</summary>
    internal static string UnitOf(string column) => column switch
    {
        _ when column.EndsWith("_kwh_per_m2", StringComparison.Ordinal) => "kWh/(m²a)",
        _ when column.EndsWith("_kwh", StringComparison.Ordinal) => "kWh/a",
        _ when column.EndsWith("_kg", StringComparison.Ordinal) => "kg CO₂/a",
        _ when column.EndsWith("_eur", StringComparison.Ordinal) => "EUR",
        _ when column.EndsWith("_m2", StringComparison.Ordinal) => "m²",
        _ when column.EndsWith("_m", StringComparison.Ordinal) => "m",
        _ when column.EndsWith("_years", StringComparison.Ordinal) => "a",
        _ => "-",
    };

    /// <summary>Renders one map of a run (optionally as a difference to another run, or in a year of the pathway) to PNG.</summary>
    public static void Render(string results, string name, string? diff, int? inYear, string output, int width, int height, CameraKind kind, string? pick = null, (double Min, double Max)? range = null)
    {
        var clock = Stopwatch.StartNew();
        FeatureTable table = ReadFor(BuildingsFile(results), name, pick is not null);
        double[] values = Values(table, name, inYear);
        if (diff is string other)
        {
            FeatureTable b = ReadFor(BuildingsFile(other), name, withAll: false);
            double[] otherValues = Values(b, name, inYear);
            var otherById = Ids(b).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => otherValues[x.i], StringComparer.Ordinal);
            values = Ids(table).Select((id, i) => otherById.TryGetValue(id, out double v) ? values[i] - v : double.NaN).ToArray();
        }

        string quantity = inYear is int y ? $"{name} in {y}" : name;
        PolygonColumns footprints = ToMetric(table);
        double[] heights = table.Find("height_m") is AttributeColumn h ? Numbers(table, h.Name).Select(x => double.IsFinite(x) ? x : 3.0).ToArray() : Enumerable.Repeat(10.0, table.Count).ToArray();
        bool diverging = diff is not null;
        string runName = RunName(results);
        string title = diverging ? $"{quantity}: {runName} minus {RunName(diff!)}" : $"{quantity}: {runName}";
        var options = new MapOptions { Width = width, Height = height, Camera = kind, Diverging = diverging, Title = title, Quantity = quantity, Unit = UnitOf(name), ValueRange = range };
        (RenderedFrame frame, double min, double max) = MapRenderer.Render(footprints, heights, values, options);
        PngWriter.Write(output, frame.Width, frame.Height, frame.Rgba);
        if (pick is string at)
        {
            PrintPick(table, frame, at);
        }

        CultureInfo ci = CultureInfo.InvariantCulture;
        int undrawable = Enumerable.Range(0, footprints.Count).Count(i => footprints.FeatureOffsets[i + 1] == footprints.FeatureOffsets[i]);
        if (undrawable > 0)
        {
            AnsiConsole.MarkupLine(string.Create(ci, $"[yellow]{undrawable:N0} of {table.Count:N0} buildings in {Markup.Escape(BuildingsFile(results))} have no readable polygon footprint and are not drawn[/] (missing, malformed or non-polygonal geometry; 'twin stock' on the file lists each one)."));
        }

        AnsiConsole.MarkupLine(string.Create(ci, $"{Markup.Escape(output)}: {table.Count:N0} buildings, '{Markup.Escape(quantity)}'{(diverging ? " difference" : string.Empty)} on {(diverging ? "RdBu" : "viridis")} from {min:G4} to {max:G4} ({(range is null ? "2nd–98th percentile" : "shared range")}; grey = no value), {width}×{height}, {clock.Elapsed.TotalSeconds:0.00} s"));
    }

    private static string RunName(string results) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(BuildingsFile(results)))) ?? results;

    /// <summary>Reads only what the map needs (ids, heights, renovation year and the value columns), unless a pick card wants everything.</summary>
    internal static FeatureTable ReadFor(string path, string column, bool withAll)
    {
        if (withAll)
        {
            return GeoParquetReader.Read(path);
        }

        string[] stems = [column, column + "_before", column + "_after"];
        var names = GeoParquetReader.ColumnNames(path)
            .Where(n => n is "building_id" or "height_m" or "renovation_year" || stems.Any(s => n == column || n.StartsWith(s, StringComparison.Ordinal)))
            .ToArray();
        return GeoParquetReader.Read(path, names);
    }

    internal static string BuildingsFile(string path) => Directory.Exists(path) ? Path.Combine(path, "buildings.parquet") : path;

    internal static (int Width, int Height) ParseSize(string text)
    {
        string[] p = text.Split('x', 'X');
        return p.Length == 2 && int.TryParse(p[0], CultureInfo.InvariantCulture, out int w) && int.TryParse(p[1], CultureInfo.InvariantCulture, out int h) && w is > 0 and <= 16384 && h is > 0 and <= 16384
            ? (w, h)
            : throw new ArgumentException($"--size {text}: use WIDTHxHEIGHT, e.g. 1920x1080 (at most 16384 each).");
    }

    internal static string[] Ids(FeatureTable t) =>
        (t.Find("building_id") ?? throw new InvalidDataException($"{t.SourcePath}: no building_id column; is it a 'twin run' output?")).Values.Select(v => v?.ToString() ?? string.Empty).ToArray();

    /// <summary>The values of one column of a run (for shared colour ranges across runs).</summary>
    public static double[] ColumnValues(string results, string name) => Numbers(GeoParquetReader.Read(BuildingsFile(results), [name]), name);

    internal static double[] Numbers(FeatureTable t, string name)
    {
        AttributeColumn c = t.Find(name) ?? throw new ArgumentException($"--column {name}: not in {t.SourcePath}; numeric columns are {string.Join(", ", t.Columns.Where(x => x.Type is AttributeType.Number or AttributeType.Integer).Select(x => x.Name))}.");
        if (c.Type is not (AttributeType.Number or AttributeType.Integer))
        {
            throw new ArgumentException($"--column {name} is text, not a number.");
        }

        return c.Numbers ?? c.Values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Run outputs are WGS 84: footprints as columns, reprojected to EPSG:2180 in Poland, else the local UTM zone, so metres are metres on the map.</summary>
    internal static PolygonColumns ToMetric(FeatureTable t)
    {
        PolygonColumns footprints = t.Polygons();
        CoordinateReferenceSystem source = t.Crs ?? CoordinateReferenceSystem.Wgs84;
        footprints.TransformInPlace(new Reprojector(source, MetricCrs.For(footprints.Extent(), source)));
        return footprints;
    }
}
