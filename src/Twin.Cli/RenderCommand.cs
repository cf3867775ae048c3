using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Core.Validation;
using Twin.Pipeline;
using Twin.Pipeline.IO;
using Twin.Pipeline.Maps;
using Twin.Viewer.IO;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Cli;

/// <summary><c>twin render</c>: a run's buildings extruded to their heights and coloured by a result, headless (EGL) to PNG.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "A run folder (or its buildings.parquet)", Required = true };
        var column = new Option<string>("--column") { Description = "Result to colour by, e.g. co2_2050_kg, npv_eur; with --year a before/after quantity such as heat_need", Required = true };
        var diff = new Option<string?>("--diff") { Description = "Another run of the same stock: colour by this run minus that one (diverging ramp)" };
        var output = new Option<string>("--out") { Description = "PNG to write", Required = true };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT in pixels", DefaultValueFactory = _ => "1920x1080" };
        var camera = new Option<string>("--camera") { Description = "top (map) or oblique (3D)", DefaultValueFactory = _ => "top" };
        var year = new Option<int?>("--year") { Description = "State in this year of the pathway: --column is then a quantity with _before/_after columns (heat_need, electricity, primary_energy, …)" };
        var absolute = new Option<bool>("--absolute") { Description = "Totals per building; by default energy, CO₂ and money are shown per m² of heated floor area, so buildings of different sizes compare" };
        var pick = new Option<string?>("--pick") { Description = "X,Y pixel (from the top left): print the building drawn there and its results" };
        var command = new Command("render", "Render a map of a run's results to PNG (headless GPU/software OpenGL)") { results, column, diff, output, size, camera, year, absolute, pick };
        command.SetAction(r =>
        {
            (int width, int height) = Common.ParseSize(r.GetValue(size)!);
            CameraKind kind = r.GetValue(camera) switch
            {
                "top" => CameraKind.TopDown,
                "oblique" => CameraKind.Oblique,
                var unknown => throw InputException.Argument("--camera", unknown, "is not a camera", "Use top or oblique."),
            };
            var map = new MapRequest(r.GetValue(column)!, r.GetValue(year), r.GetValue(absolute) ? false : null);
            Render(r.GetValue(results)!, map, r.GetValue(diff), Common.OutputFile(r.GetValue(output)!, "--out", ".png"), width, height, kind, r.GetValue(pick));
            return 0;
        });
        return command;
    }

    /// <summary>What to map: a column (or a before/after stem with a year), per m² or not (null = by the quantity's kind).</summary>
    public sealed record MapRequest(string Column, int? Year, bool? PerSquareMetre);

    /// <summary>Renders one map of a run (optionally its difference to another run of the same stock) to PNG.</summary>
    public static void Render(string results, MapRequest map, string? diff, string output, int width, int height, CameraKind kind, string? pick = null, (double Min, double Max)? range = null)
    {
        var clock = Stopwatch.StartNew();
        RunOutput run = RunDirectory.Open(results);
        FeatureTable table = MapQuantity.Read(run, map.Column, everything: pick is not null, map.Year);
        MapValues values = MapQuantity.Of(table, map.Column, map.Year, map.PerSquareMetre);
        string title = run.Title;
        if (diff is string other)
        {
            RunOutput b = RunDirectory.Open(other);
            Comparison.RequireSameStock([run, b]);
            FeatureTable bt = MapQuantity.Read(b, map.Column, everything: false, map.Year);
            values = MapQuantity.Difference(values, table, MapQuantity.Of(bt, map.Column, map.Year, map.PerSquareMetre), bt);
            title = $"{run.Title} minus {b.Title}";
        }

        PolygonColumns footprints = ToMetric(table);
        double[] heights = Heights(table);
        var options = new MapOptions { Width = width, Height = height, Camera = kind, Diverging = values.Diverging, Title = title, Quantity = values.Quantity, Unit = values.Unit, ValueRange = range, Empty = values.EmptyReason };
        (RenderedFrame frame, double min, double max) = MapRenderer.Render(footprints, heights, values.Values, options);
        PngWriter.Write(output, frame.Width, frame.Height, frame.Rgba);
        if (pick is string at)
        {
            PickCard.Print(table, frame, at);
        }

        CultureInfo ci = CultureInfo.InvariantCulture;
        int undrawable = Enumerable.Range(0, footprints.Count).Count(i => footprints.FeatureOffsets[i + 1] == footprints.FeatureOffsets[i]);
        if (undrawable > 0)
        {
            AnsiConsole.MarkupLine(string.Create(ci, $"[yellow]{undrawable:N0} of {table.Count:N0} buildings in {Markup.Escape(run.BuildingsPath)} have no readable polygon footprint and are not drawn[/] (missing, malformed or non-polygonal geometry; 'twin stock' on the file lists each one)."));
        }

        if (values.EmptyReason is string empty)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(output)}: nothing to show — {Markup.Escape(empty)}[/]");
            return;
        }

        (string quantity, string lo, _, string hi) = MapAnnotations.Labels(new MapLegend(title, values.Quantity, values.Unit, min, max, ColourRamp.Viridis));
        AnsiConsole.MarkupLine(string.Create(ci, $"{Markup.Escape(output)}: {table.Count:N0} buildings, {Markup.Escape(quantity)} from {lo} to {hi} ({(range is null ? "2nd–98th percentile" : "shared range")}; grey = no value), {width}×{height}, {clock.Elapsed.TotalSeconds:0.00} s"));
    }

    /// <summary>One map per run of its end-year CO₂ per m², same camera and one colour range for all (the 2nd–98th percentile of all their values), beside the chart.</summary>
    public static void SharedRangeMaps(IReadOnlyList<RunOutput> runs, string folder)
    {
        try
        {
            string Column(RunOutput r) => $"co2_{r.Years[^1].Year}_kg";
            double[] all = runs.SelectMany(r => MapQuantity.Of(MapQuantity.Read(r, Column(r), false), Column(r), null).Values).ToArray();
            (double, double) range = MapRenderer.Range(all, diverging: false);
            foreach (RunOutput r in runs)
            {
                Render(r.Directory, new MapRequest(Column(r), null, null), null, Path.Combine(folder, $"compare-map-{r.Manifest.Scenario}.png"), 1200, 800, CameraKind.TopDown, range: range);
            }
        }
        catch (Viewer.Platform.GlUnavailableException ex)
        {
            AnsiConsole.MarkupLine($"[yellow]maps skipped[/]: {Markup.Escape(ex.Message)}");
        }
    }

    /// <summary>Heights for extrusion: the run's height_m (3 m where missing), else 10 m for all.</summary>
    internal static double[] Heights(FeatureTable t) =>
        t.Find("height_m") is not null ? MapQuantity.Numbers(t, "height_m").Select(x => double.IsFinite(x) ? x : 3.0).ToArray() : Enumerable.Repeat(10.0, t.Count).ToArray();

    /// <summary>Run outputs are WGS 84: footprints as columns, reprojected to EPSG:2180 in Poland, else the local UTM zone, so metres are metres on the map.</summary>
    internal static PolygonColumns ToMetric(FeatureTable t)
    {
        PolygonColumns footprints = t.Polygons();
        CoordinateReferenceSystem source = t.Crs ?? CoordinateReferenceSystem.Wgs84;
        footprints.TransformInPlace(new Reprojector(source, MetricCrs.For(footprints.Extent(), source)));
        return footprints;
    }
}
