using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Reporting;
using Twin.Core.Spatial;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Cli;

/// <summary><c>twin stock</c>: load, validate, measure and type a building file; print a summary; optionally write the stock, rejects and issues.</summary>
internal static class StockCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("stock") { Description = "Footprints: .geojson, .parquet (GeoParquet), .gpkg or .shp" };
        var mapping = new Option<string?>("--mapping") { Description = "Attribute mapping JSON (default: OSM names)" };
        var hoods = new Option<string?>("--neighbourhoods") { Description = "Neighbourhood polygons to aggregate by" };
        var existing = new Option<string?>("--typologies") { Description = "TABULA existing-state export CSV (default: bundled Polish typology)" };
        var variants = new Option<string?>("--variants") { Description = "TABULA refurbishment variants CSV (default: bundled Polish variants)" };
        var sourceCrs = new Option<string?>("--source-crs") { Description = "CRS to assume when the file has none, e.g. EPSG:2180" };
        var metricCrs = new Option<string?>("--metric-crs") { Description = "Metric CRS to measure in (default: EPSG:2180 in Poland, else local UTM)" };
        var country = new Option<string?>("--country") { Description = "TABULA country code for buildings without one (default: from location)" };
        var output = new Option<string?>("--out") { Description = "Folder for stock.parquet, stock.geojson, rejects.geojson and issues.csv" };
        var command = new Command("stock", "Load a building stock, validate it, assign typologies and print a summary")
        {
            input, mapping, hoods, existing, variants, sourceCrs, metricCrs, country, output,
        };
        command.SetAction(r =>
        {
            var options = new StockLoadOptions
            {
                Mapping = r.GetValue(mapping) is string m ? AttributeMapping.Load(m) : AttributeMapping.Osm,
                AssumedSourceCrs = ParseCrs(r.GetValue(sourceCrs), "--source-crs"),
                MetricCrs = ParseCrs(r.GetValue(metricCrs), "--metric-crs"),
                Country = r.GetValue(country),
            };
            TypologyCatalog catalog = TypologyCatalog.Load(r.GetValue(existing) ?? SamplePaths.TypologiesExisting, r.GetValue(existing) is null ? SamplePaths.TypologiesVariants : r.GetValue(variants));
            return Run(r.GetValue(input)!, catalog, options, r.GetValue(hoods), r.GetValue(output));
        });
        return command;
    }

    public static int Run(string input, TypologyCatalog catalog, StockLoadOptions options, string? neighbourhoods, string? outDir) =>
        Report(StockLoader.Load(input, catalog, options, neighbourhoods), catalog, outDir);

    /// <summary>Prints the load's summary and writes stock.parquet, stock.geojson, rejects.geojson and issues.csv.</summary>
    public static int Report(LoadResult result, TypologyCatalog catalog, string? outDir)
    {
        Print(result, catalog);
        if (result.IsFatal)
        {
            return 2;
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            FeatureTable table = StockExport.ToTable(result.Stock, catalog);
            GeoParquetWriter.Write(table, Path.Combine(outDir, "stock.parquet"));
            GeoJsonWriter.Write(table, Path.Combine(outDir, "stock.geojson"));
            GeoJsonWriter.Write(StockExport.RejectsToTable(result, result.SourceCrs), Path.Combine(outDir, "rejects.geojson"));
            StockExport.WriteIssuesCsv(result.Issues, Path.Combine(outDir, "issues.csv"));
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outDir)}[/]: stock.parquet, stock.geojson, rejects.geojson, issues.csv");
        }

        return 0;
    }

    internal static CoordinateReferenceSystem? ParseCrs(string? text, string option) =>
        text is null ? null : CoordinateReferenceSystem.Parse(text) ?? throw new ArgumentException($"{option} {text}: unknown CRS; use EPSG:2180, EPSG:4326, EPSG:3857 or EPSG:326zz/327zz (UTM).");

    public static void Print(LoadResult result, TypologyCatalog catalog)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Source)}[/]: read {result.Read}, accepted {result.Stock.Count} (repaired {result.Repaired}), rejected {result.Rejects.Count} — {result.Elapsed.TotalSeconds.ToString("0.00", ci)} s, measured in {result.Stock.Crs}");
        foreach (DataIssue fatal in result.Issues.Where(i => i.Outcome == IssueOutcome.Fatal))
        {
            AnsiConsole.MarkupLine($"[red]error[/]: {Markup.Escape(fatal.ToString())}");
        }

        if (result.Stock.Count == 0)
        {
            return;
        }

        StockSummary summary = StockSummary.Of(result.Stock, catalog);
        AnsiConsole.Write(GroupTable("Buildings per typology", "typology", summary.ByTypology));
        if (summary.ByNeighbourhood.Count > 0)
        {
            AnsiConsole.Write(GroupTable("Buildings per neighbourhood", "neighbourhood", summary.ByNeighbourhood));
        }

        var validation = new Table().Title("Validation").AddColumns("outcome", "code", "count");
        foreach (var g in result.Issues.GroupBy(i => (i.Outcome, i.Code)).OrderBy(g => g.Key.Outcome).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            validation.AddRow(g.Key.Outcome.ToString(), g.Key.Code, g.Count().ToString(ci));
        }

        foreach ((string attribute, int count) in summary.InferredCounts)
        {
            validation.AddRow("Inferred", attribute, count.ToString(ci));
        }

        AnsiConsole.Write(validation);
    }

    private static Table GroupTable(string title, string key, IReadOnlyList<GroupTotals> rows)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        var t = new Table().Title(title).AddColumns(key, "buildings", "footprint m²", "gross floor m²", "heated floor m²");
        foreach (int c in new[] { 1, 2, 3, 4 })
        {
            t.Columns[c].RightAligned();
        }

        foreach (GroupTotals g in rows)
        {
            t.AddRow(Markup.Escape(g.Group), g.Buildings.ToString(ci), g.FootprintAreaM2.ToString("N0", ci), g.GrossFloorAreaM2.ToString("N0", ci), g.HeatedFloorAreaM2.ToString("N0", ci));
        }

        t.AddRow("[bold]total[/]", rows.Sum(g => g.Buildings).ToString(ci), rows.Sum(g => g.FootprintAreaM2).ToString("N0", ci), rows.Sum(g => g.GrossFloorAreaM2).ToString("N0", ci), rows.Sum(g => g.HeatedFloorAreaM2).ToString("N0", ci));
        return t;
    }
}
