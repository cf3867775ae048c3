using System.CommandLine;
using System.Globalization;
using Twin.Core.IO;
using Twin.Pipeline;
using Twin.Pipeline.Maps;
using Twin.Viewer.Platform.Glfw;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Cli;

/// <summary>
/// <c>twin view</c>: a desktop window over one or more runs of the same stock (system GLFW 3.3+). C switches the quantity,
/// S the scenario (each run, then each later run minus the first), Y the year of the pathway (for before/after quantities);
/// a click prints the building's card. Each quantity keeps one colour range over all runs and years (and one symmetric range
/// for the differences), so switching compares like with like.
/// </summary>
internal static class ViewCommand
{
    /// <summary>Quantities with _before/_after columns (shown in the state of the chosen year) and plain columns.</summary>
    private static readonly string[] DefaultStems = ["heat_need", "district_heat", "gas", "electricity", "primary_energy"];

    private static readonly string[] DefaultPlain = ["investment_eur", "npv_eur"];

    public static Command Create()
    {
        var results = new Option<string[]>("--results") { Description = "One or more run folders of the same stock (S switches between them)", Required = true, AllowMultipleArgumentsPerToken = true };
        var columns = new Option<string[]>("--columns") { Description = "Columns or before/after quantities to switch between with C (default: heat_need, district_heat, gas, electricity, primary_energy, investment_eur, npv_eur)", AllowMultipleArgumentsPerToken = true };
        var absolute = new Option<bool>("--absolute") { Description = "Totals per building instead of per m² of heated floor area" };
        var autoClose = new Option<double?>("--auto-close") { Description = "Close after this many seconds (scripted smoke tests)" };
        var size = new Option<string>("--size") { Description = "Window size WIDTHxHEIGHT in pixels", DefaultValueFactory = _ => "1280x720" };
        var orbitFrames = new Option<int>("--orbit-frames") { Description = "Measure: draw this many frames orbiting the city (no vsync), print the frame times and close" };
        var command = new Command("view", "Open a window on run results: drag pan, right-drag orbit, wheel zoom, click pick; C quantity, S scenario, Y year") { results, columns, absolute, autoClose, size, orbitFrames };
        command.SetAction(r =>
        {
            IReadOnlyList<RunOutput> runs = Comparison.OpenSameStock(r.GetValue(results)!);
            FeatureTable[] tables = runs.Select(run => run.ReadBuildings()).ToArray();
            string[] names = r.GetValue(columns) is { Length: > 0 } c ? c
                : [.. DefaultStems.Where(s => tables[0].Columns.Any(x => x.Name.StartsWith(s + "_before_", StringComparison.Ordinal))), .. DefaultPlain.Where(n => tables[0].Find(n) is not null)];
            int[] years = Years(runs[0]);
            ViewLayer[,,] grid = Layers(tables, [.. Comparison.Titles(runs)], names, years, r.GetValue(absolute) ? false : null);

            FeatureTable first = tables[0];
            string[] ids = MapQuantity.Ids(first);
            CityMesh mesh = CityMesh.Build(RenderCommand.ToMetric(first), RenderCommand.Heights(first));
            (int width, int height) = Common.ParseSize(r.GetValue(size)!);
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
    /// Layers [scenario, quantity, year]: each run's values on one viridis range per quantity (over all runs and years), then
    /// for each run after the first its difference to the first on RdBu, symmetric around zero (one range per quantity), so
    /// S steps through e.g. "bau", "deep", "deep − bau".
    /// </summary>
    private static ViewLayer[,,] Layers(FeatureTable[] tables, string[] titles, string[] names, int[] years, bool? perSquareMetre)
    {
        int runs = tables.Length;
        var grid = new ViewLayer[runs + runs - 1, names.Length, years.Length];
        for (int col = 0; col < names.Length; col++)
        {
            bool stem = tables[0].Find(names[col]) is null;
            var values = new MapValues[runs, years.Length];
            var diffs = new MapValues[runs - 1, years.Length];
            for (int run = 0; run < runs; run++)
            {
                for (int y = 0; y < years.Length; y++)
                {
                    values[run, y] = MapQuantity.Of(tables[run], names[col], stem ? years[y] : null, perSquareMetre);
                    if (run > 0)
                    {
                        diffs[run - 1, y] = MapQuantity.Difference(values[run, y], tables[run], values[0, y], tables[0]);
                    }
                }
            }

            (double min, double max) = MapRenderer.Range(values.Cast<MapValues>().SelectMany(v => v.Values).ToArray(), diverging: false);
            (double dMin, double dMax) = MapRenderer.Range(diffs.Cast<MapValues>().SelectMany(v => v.Values).ToArray(), diverging: true);
            for (int y = 0; y < years.Length; y++)
            {
                for (int run = 0; run < runs; run++)
                {
                    grid[run, col, y] = Layer(titles[run], values[run, y], min, max, diverging: false);
                    if (run > 0)
                    {
                        grid[runs + run - 1, col, y] = Layer($"{titles[run]} − {titles[0]}", diffs[run - 1, y], dMin, dMax, diverging: true);
                    }
                }
            }
        }

        return grid;
    }

    private static ViewLayer Layer(string title, MapValues v, double min, double max, bool diverging)
    {
        var legend = new MapLegend(title, v.Quantity, v.Unit, min, max, diverging ? ColourRamp.BlueRed : ColourRamp.Viridis, v.EmptyReason);
        (string quantity, string lo, _, string hi) = MapAnnotations.Labels(legend);
        return new ViewLayer($"{title} · {quantity} · {lo}…{hi}", v.Values.Select(x => double.IsFinite(x) ? (float)((x - min) / (max - min)) : float.NaN).ToArray(), diverging, legend);
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
        foreach ((string title, string column, string value) in PickCard.Rows(t, i))
        {
            Console.WriteLine($"  {column} = {value}   ({title})");
        }

        Console.Out.Flush();
    }

    /// <summary>Start, 2030, 2040 and end year of the run's horizon.</summary>
    private static int[] Years(RunOutput run)
    {
        int start = run.Years[0].Year, end = run.Years[^1].Year;
        return new[] { start, 2030, 2040, end }.Where(y => y >= start && y <= end).Distinct().Order().ToArray();
    }
}
