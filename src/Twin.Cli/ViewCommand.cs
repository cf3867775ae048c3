using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Twin.Core.IO;
using Twin.Viewer.Platform.Glfw;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Cli;

/// <summary>
/// <c>twin view</c>: a desktop window over one or more runs of the same stock (system GLFW 3.3+). C switches the column,
/// S the scenario (each run, then each later run minus the first), Y the year of the pathway (for before/after quantities);
/// a click prints the building's card. Each column keeps one colour range over all runs and years (and one symmetric range
/// for the differences), so switching compares like with like.
/// </summary>
internal static partial class ViewCommand
{
    /// <summary>Quantities with _before/_after columns (shown in the state of the chosen year) and plain columns.</summary>
    private static readonly string[] DefaultStems = ["heat_need", "district_heat", "gas", "electricity", "primary_energy"];

    private static readonly string[] DefaultPlain = ["investment_eur", "npv_eur"];

    public static Command Create()
    {
        var results = new Option<string[]>("--results") { Description = "One or more run folders of the same stock (S switches between them)", Required = true, AllowMultipleArgumentsPerToken = true };
        var columns = new Option<string[]>("--columns") { Description = "Columns or before/after stems to switch between with C (default: heat_need, district_heat, gas, electricity, primary_energy, investment_eur, npv_eur)", AllowMultipleArgumentsPerToken = true };
        var autoClose = new Option<double?>("--auto-close") { Description = "Close after this many seconds (scripted smoke tests)" };
        var size = new Option<string>("--size") { Description = "Window size WIDTHxHEIGHT in pixels", DefaultValueFactory = _ => "1280x720" };
        var orbitFrames = new Option<int>("--orbit-frames") { Description = "Measure: draw this many frames orbiting the city (no vsync), print the frame times and close" };
        var command = new Command("view", "Open a window on run results: drag pan, right-drag orbit, wheel zoom, click pick; C column, S scenario, Y year") { results, columns, autoClose, size, orbitFrames };
        command.SetAction(r =>
        {
            string[] runs = r.GetValue(results)!;
            FeatureTable[] tables = runs.Select(p => GeoParquetReader.Read(RenderCommand.BuildingsFile(p))).ToArray();
            string[] ids = RenderCommand.Ids(tables[0]);
            foreach ((FeatureTable t, string run) in tables.Zip(runs).Skip(1))
            {
                if (!RenderCommand.Ids(t).SequenceEqual(ids))
                {
                    throw new ArgumentException($"{run}: not a run of the same stock as {runs[0]} (building ids differ).");
                }
            }

            string[] names = r.GetValue(columns) is { Length: > 0 } c ? c
                : [.. DefaultStems.Where(s => tables[0].Find(s + "_before_kwh") is not null || tables[0].Find(s + "_before_kwh_per_m2") is not null), .. DefaultPlain.Where(n => tables[0].Find(n) is not null)];
            int[] years = Years(tables[0]);
            ViewLayer[,,] grid = Layers(tables, runs.Select(p => Path.GetFileName(Path.GetFullPath(p).TrimEnd('/'))).ToArray(), names, years);

            FeatureTable first = tables[0];
            double[] heights = first.Find("height_m") is not null ? RenderCommand.Numbers(first, "height_m") : Enumerable.Repeat(10.0, first.Count).ToArray();
            CityMesh mesh = CityMesh.Build(RenderCommand.ToMetric(first), heights);
            (int width, int height) = RenderCommand.ParseSize(r.GetValue(size)!);
            var options = new WindowOptions { Width = width, Height = height, AutoCloseSeconds = r.GetValue(autoClose), OrbitFrames = Math.Max(0, r.GetValue(orbitFrames)) };
            IReadOnlyList<double> frameMs = WindowViewer.Run(mesh, grid, (i, x, y) => PrintCard(first, ids, i, x, y), options);
            if (options.OrbitFrames > 0 && frameMs.Count > 1)
            {
                PrintFrameTimes(frameMs, first.Count, width, height);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Layers [scenario, column, year]: each run's values on one viridis range per column (over all runs and years), then
    /// for each run after the first its difference to the first on RdBu, symmetric around zero (one range per column), so
    /// S steps through e.g. "bau", "deep", "deep − bau".
    /// </summary>
    private static ViewLayer[,,] Layers(FeatureTable[] tables, string[] runNames, string[] names, int[] years)
    {
        int runs = tables.Length;
        var grid = new ViewLayer[runs + runs - 1, names.Length, years.Length];
        for (int col = 0; col < names.Length; col++)
        {
            bool stem = tables[0].Find(names[col]) is null;
            string unitColumn = stem ? tables[0].Columns.Select(x => x.Name).FirstOrDefault(n => n.StartsWith(names[col] + "_before", StringComparison.Ordinal)) ?? names[col] : names[col];
            string unit = RenderCommand.UnitOf(unitColumn); // an unknown name fails just below, in Values, with the list of stems
            var values = new double[runs, years.Length][];
            var diffs = new double[runs - 1, years.Length][];
            for (int run = 0; run < runs; run++)
            {
                for (int y = 0; y < years.Length; y++)
                {
                    values[run, y] = RenderCommand.Values(tables[run], names[col], stem ? years[y] : null);
                    if (run > 0)
                    {
                        double[] v = values[run, y], b = values[0, y];
                        diffs[run - 1, y] = v.Select((x, i) => x - b[i]).ToArray();
                    }
                }
            }

            (double min, double max) = MapRenderer.Range(values.Cast<double[]>().SelectMany(v => v).ToArray(), diverging: false);
            (double dMin, double dMax) = MapRenderer.Range(diffs.Cast<double[]>().SelectMany(v => v).ToArray(), diverging: true);
            for (int y = 0; y < years.Length; y++)
            {
                string quantity = stem ? $"{names[col]} in {years[y].ToString(CultureInfo.InvariantCulture)}" : names[col];
                for (int run = 0; run < runs; run++)
                {
                    grid[run, col, y] = Layer(runNames[run], quantity, unit, values[run, y], min, max, diverging: false);
                    if (run > 0)
                    {
                        grid[runs + run - 1, col, y] = Layer($"{runNames[run]} − {runNames[0]}", quantity, unit, diffs[run - 1, y], dMin, dMax, diverging: true);
                    }
                }
            }
        }

        return grid;
    }

    private static ViewLayer Layer(string title, string quantity, string unit, double[] values, double min, double max, bool diverging)
    {
        string label = string.Create(CultureInfo.InvariantCulture, $"{title} · {quantity} · {min:G4}…{max:G4}");
        var legend = new MapLegend(title, quantity, unit, min, max, diverging ? ColourRamp.BlueRed : ColourRamp.Viridis);
        return new ViewLayer(label, values.Select(v => double.IsFinite(v) ? (float)((v - min) / (max - min)) : float.NaN).ToArray(), diverging, legend);
    }

    /// <summary>The first frame (shader compilation, first upload use) apart; then median, 95th percentile and rate of the rest.</summary>
    private static void PrintFrameTimes(IReadOnlyList<double> frameMs, int buildings, int width, int height)
    {
        double[] steady = frameMs.Skip(1).Order().ToArray();
        double median = steady[steady.Length / 2], p95 = steady[Math.Min(steady.Length - 1, (int)Math.Ceiling(0.95 * steady.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"window {width}×{height}, {buildings:N0} buildings: first frame {frameMs[0]:0.0} ms; {steady.Length} orbit frames: median {median:0.0} ms ({1000 / median:0.0} frames/s), 95th percentile {p95:0.0} ms (draw + blit + swap + glFinish)"));
    }

    private static void PrintCard(FeatureTable t, string[] ids, int i, int x, int y)
    {
        if (i < 0)
        {
            Console.WriteLine($"picked at {x},{y}: nothing");
            return;
        }

        Console.WriteLine($"picked at {x},{y}: {ids[i]}");
        foreach (AttributeColumn col in t.Columns)
        {
            Console.WriteLine($"  {col.Name} = {Convert.ToString(col.ValueAt(i), CultureInfo.InvariantCulture)}");
        }

        Console.Out.Flush();
    }

    /// <summary>Start, 2030, 2040 and end year of the run (from its co2_YYYY_kg columns).</summary>
    private static int[] Years(FeatureTable t)
    {
        int[] found = t.Columns.Select(c => YearColumn().Match(c.Name)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToArray();
        if (found.Length == 0)
        {
            return [DateTime.UtcNow.Year];
        }

        return new[] { found[0], 2030, 2040, found[^1] }.Where(y => y >= found[0] && y <= found[^1]).Distinct().Order().ToArray();
    }

    [GeneratedRegex(@"^co2_(\d{4})_kg$")]
    private static partial Regex YearColumn();
}
