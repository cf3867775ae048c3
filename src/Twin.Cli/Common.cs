using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Twin.Core.Spatial;
using Twin.Core.Validation;
using Twin.Pipeline;

namespace Twin.Cli;

/// <summary>Options and parsing shared by the commands; turns command-line text into library options.</summary>
internal static class Common
{
    /// <summary>--data DIR on every command: the reference-data folder (default: TWIN_DATA, else the folder shipped with twin).</summary>
    public static readonly Option<string?> Data = new("--data") { Description = $"Reference-data folder (default: ${TwinData.EnvironmentVariable}, else the data folder shipped with twin)", Recursive = true };

    /// <summary>The process's Ctrl+C token.</summary>
    public static CancellationToken Cancellation { get; set; }

    public static Option<string?> Network() => new("--dh-network") { Description = "District-heating network the buildings are on (a row of defaults/district_heat_networks.csv, e.g. warszawa-wsc); its supplier-published w_PC applies to EP, and its CO₂ factor wherever a scenario gives no districtHeat emission trajectory of its own" };

    public static Option<string?> City() => new("--city") { Description = "City or area of the buildings, for its heating bans (defaults/heating_bans.csv, e.g. Kraków: no solid fuels; Warszawa: no coal)" };

    public static Option<string?> Classes() => new("--classes") { Description = "Energy-class scale file (default: the data folder's energy_classes.csv, the draft Polish A+–G on EP; energy_classes_geg2020.csv for GEG 2020 on final energy)" };

    public static Option<int?> Threads() => new("--threads") { Description = "Worker threads (default: all cores); results do not depend on it" };

    public static Option<string> Formats() => new("--format") { Description = "Per-building tables as geoparquet, gpkg or both", DefaultValueFactory = _ => "both" };

    public static TwinData LoadData(ParseResult r, string? climate = null) => TwinData.Load(r.GetValue(Data), climate);

    public static RunOptions RunOptions(int? threads, string formats)
    {
        if (threads is < 1 or > 1024)
        {
            throw InputException.Argument("--threads", threads.Value.ToString(CultureInfo.InvariantCulture), "is not a thread count", "Give 1 or more, or leave it out for all cores.");
        }

        return new RunOptions { MaxDegreeOfParallelism = threads, Cancellation = Cancellation, Formats = ParseFormats(formats), Progress = Progress() };
    }

    public static OutputFormats ParseFormats(string text) => text.Trim().ToLowerInvariant() switch
    {
        "both" or "all" or "geoparquet,gpkg" or "gpkg,geoparquet" => OutputFormats.Both,
        "geoparquet" or "parquet" => OutputFormats.GeoParquet,
        "gpkg" or "geopackage" => OutputFormats.GeoPackage,
        _ => throw InputException.Argument("--format", text, "is not an output format", "Use geoparquet, gpkg or both."),
    };

    public static CoordinateReferenceSystem? ParseCrs(string? text, string option) =>
        text is null ? null : CoordinateReferenceSystem.Parse(text) ?? throw InputException.Argument(option, text, "is not a CRS twin knows", "Use EPSG:2180, EPSG:4326, EPSG:3857 or EPSG:326zz/327zz (UTM).");

    /// <summary>
    /// An output file the user named: its extension must be one of <paramref name="extensions"/> (when given) and its
    /// folder is created; either failing is the user's problem (exit 2), not a bug.
    /// </summary>
    public static string OutputFile(string path, string option, params string[] extensions)
    {
        if (extensions.Length > 0 && !extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        {
            throw InputException.Argument(option, path, $"names a {(Path.GetExtension(path) is { Length: > 0 } e ? e : "file without extension")}, but twin writes {string.Join(" or ", extensions)} here", $"End the file name in {string.Join(" or ", extensions)}.");
        }

        try
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw InputException.Argument(option, path, "is a folder", "Give a file name.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw InputException.Argument(option, path, $"cannot be written: {ex.Message}", "Give a path in a folder you can write to.");
        }
    }

    public static (int Width, int Height) ParseSize(string text, string option = "--size")
    {
        string[] p = text.Split('x', 'X');
        return p.Length == 2 && int.TryParse(p[0], CultureInfo.InvariantCulture, out int w) && int.TryParse(p[1], CultureInfo.InvariantCulture, out int h) && w is > 0 and <= 16384 && h is > 0 and <= 16384
            ? (w, h)
            : throw InputException.Argument(option, text, "is not an image size", "Use WIDTHxHEIGHT, e.g. 1920x1080 (at most 16384 each).");
    }

    /// <summary>One progress line per step on an interactive terminal, nothing in logs.</summary>
    private static StepPrinter? Progress() => AnsiConsole.Profile.Capabilities.Interactive ? new StepPrinter() : null;

    /// <summary>Prints a step when it starts, synchronously on the reporting thread (Progress&lt;T&gt; would post lines out of order).</summary>
    private sealed class StepPrinter : IProgress<RunProgress>
    {
        private readonly Lock _gate = new();
        private string _last = string.Empty;

        public void Report(RunProgress value)
        {
            lock (_gate)
            {
                if (value.Step != _last)
                {
                    _last = value.Step;
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(value.Step)}…[/]");
                }
            }
        }
    }
}
