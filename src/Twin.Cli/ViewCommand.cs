using System.CommandLine;
using System.Globalization;
using Twin.Core.IO;
using Twin.Viewer.Platform.Glfw;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Cli;

/// <summary><c>twin view</c>: a desktop window over a run's results (system GLFW 3.3+); a click prints the building's card.</summary>
internal static class ViewCommand
{
    private static readonly string[] DefaultLayers = ["heat_need_before_kwh", "heat_need_after_kwh", "investment_eur", "npv_eur"];

    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "A run folder (or its buildings.parquet)", Required = true };
        var columns = new Option<string[]>("--columns") { Description = "Numeric columns to switch between with C (default: heat need before/after, CO₂ end year, investment, NPV)", AllowMultipleArgumentsPerToken = true };
        var autoClose = new Option<double?>("--auto-close") { Description = "Close after this many seconds (scripted smoke tests)" };
        var command = new Command("view", "Open a window on a run's results: pan, orbit, zoom, click to pick a building, C to switch column") { results, columns, autoClose };
        command.SetAction(r =>
        {
            string path = RenderCommand.BuildingsFile(r.GetValue(results)!);
            FeatureTable t = GeoParquetReader.Read(path);
            string[] wanted = r.GetValue(columns) is { Length: > 0 } c ? c
                : [.. DefaultLayers.Where(n => t.Find(n) is not null), .. t.Columns.Select(x => x.Name).Where(n => n.StartsWith("co2_", StringComparison.Ordinal)).TakeLast(1)];
            var layers = wanted.Select(name =>
            {
                double[] values = RenderCommand.Numbers(t, name);
                (double min, double max) = MapRenderer.Range(values, diverging: false);
                return new ViewLayer($"{name} [{RenderCommand.UnitOf(name)}] {min.ToString("G4", CultureInfo.InvariantCulture)}…{max.ToString("G4", CultureInfo.InvariantCulture)}", values.Select(v => double.IsFinite(v) ? (float)((v - min) / (max - min)) : float.NaN).ToArray());
            }).ToList();
            double[] heights = t.Find("height_m") is not null ? RenderCommand.Numbers(t, "height_m") : Enumerable.Repeat(10.0, t.Count).ToArray();
            CityMesh mesh = CityMesh.Build(RenderCommand.ToMetric(t), heights);
            AttributeColumn ids = t.Find("building_id") ?? throw new InvalidDataException($"{path}: no building_id column.");
            WindowViewer.Run(mesh, layers, (i, x, y) =>
            {
                if (i < 0)
                {
                    Console.WriteLine($"picked at {x},{y}: nothing");
                    return;
                }

                Console.WriteLine($"picked at {x},{y}: {ids.Values[i]}");
                foreach (AttributeColumn col in t.Columns)
                {
                    Console.WriteLine($"  {col.Name} = {Convert.ToString(col.Values[i], CultureInfo.InvariantCulture)}");
                }

                Console.Out.Flush();
            }, r.GetValue(autoClose));
            return 0;
        });
        return command;
    }
}
