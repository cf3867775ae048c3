using System.Text.Json;
using Twin.Core.IO;
using Twin.Core.Validation;

namespace Twin.Pipeline.IO;

/// <summary>
/// Run folders: <see cref="Write"/> puts one scenario run's outputs into a folder all-or-nothing (<see cref="AtomicFolder"/>),
/// manifest.json last; <see cref="Open"/> reads one back and refuses a folder that is incomplete, mixed or not a run.
/// </summary>
public static class RunDirectory
{
    /// <summary>Writes every run into <paramref name="outDir"/>/&lt;scenario name&gt;; returns the folders.</summary>
    /// <exception cref="InputException">Two runs have the same scenario name (also when they differ only in case, as on
    /// macOS and Windows file systems): one would overwrite the other; nothing is written.</exception>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<ScenarioRun> runs, string outDir, RunOptions? options = null)
    {
        string root = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var folders = new Dictionary<string, ScenarioRun>(StringComparer.OrdinalIgnoreCase);
        foreach (ScenarioRun r in runs)
        {
            // Names are validated as safe slugs when read (ScenarioValidator); checked again here, where they become paths.
            string name = r.Scenario.Scenario.Name;
            if (name.Length == 0 || name.StartsWith('.') || Path.GetFileName(name) != name || Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, name))) != root)
            {
                throw InputException.Argument("--scenario", name, "is not a folder name inside --out", "Give the scenario a 'name' of letters, digits, '-', '_' and '.'.");
            }

            if (!folders.TryAdd(name, r))
            {
                throw InputException.Argument("--scenario", name, $"is the name of two scenarios ({folders[name].Scenario.Path} and {r.Scenario.Path}): one would overwrite the other's folder", "Give every scenario of a run its own name.");
            }
        }

        return runs.Select(r => Write(r, Path.Combine(root, r.Scenario.Scenario.Name), options)).ToList();
    }

    /// <summary>
    /// Writes one run's outputs to <paramref name="dir"/>: buildings (GeoParquet and/or GeoPackage), years and
    /// neighbourhoods (Parquet + CSV), rejects.geojson, issues.csv and, last, manifest.json.
    /// </summary>
    /// <exception cref="InputException"><paramref name="dir"/> is a file or a folder twin did not write.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing is left at <paramref name="dir"/> that was not there.</exception>
    public static string Write(ScenarioRun run, string dir, RunOptions? options = null)
    {
        options ??= RunOptions.Default;
        CancellationToken ct = options.Cancellation;
        AtomicFolder.Write(dir, "--out", tmp =>
        {
            options.Progress?.Report(new RunProgress($"{run.Scenario.Scenario.Name}: writing", 0));
            FeatureTable buildings = RunTables.Buildings(run);

            // The GeoPackage (SQLite inserts on one thread) is written beside the GeoParquet, not after it (1M synthetic
            // buildings, one scenario, 2 cores: 35 s for the whole run with both formats, 25 s with GeoParquet only).
            Task? gpkg = options.Formats.HasFlag(OutputFormats.GeoPackage) && options.MaxDegreeOfParallelism != 1
                ? Task.Run(() => GeoPackageWriter.Write(buildings, Path.Combine(tmp, "buildings.gpkg"), "buildings", ct), ct)
                : null;
            if (options.Formats.HasFlag(OutputFormats.GeoParquet))
            {
                GeoParquetWriter.Write(buildings, Path.Combine(tmp, "buildings.parquet"), encoded: run.Stock.EncodedFootprints(options.Parallel), parallel: options.Parallel);
            }

            if (gpkg is not null)
            {
                gpkg.GetAwaiter().GetResult();
            }
            else if (options.Formats.HasFlag(OutputFormats.GeoPackage))
            {
                GeoPackageWriter.Write(buildings, Path.Combine(tmp, "buildings.gpkg"), "buildings", ct);
            }

            ct.ThrowIfCancellationRequested();
            IReadOnlyList<AttributeColumn> years = RunTables.Years(run.Years);
            ParquetTableWriter.Write(years, Path.Combine(tmp, "years.parquet"));
            ParquetTableWriter.WriteCsv(years, Path.Combine(tmp, "years.csv"));
            IReadOnlyList<AttributeColumn> hoods = RunTables.Neighbourhoods(run.Neighbourhoods, run.Result.Years[0], run.Result.Years[^1]);
            ParquetTableWriter.Write(hoods, Path.Combine(tmp, "neighbourhoods.parquet"));
            ParquetTableWriter.WriteCsv(hoods, Path.Combine(tmp, "neighbourhoods.csv"));
            GeoJsonWriter.Write(StockExport.RejectsToTable(run.Stock.Result, run.Stock.Result.SourceCrs), Path.Combine(tmp, "rejects.geojson"));
            StockExport.WriteIssuesCsv(run.Stock.Result.Issues, Path.Combine(tmp, "issues.csv"));
            ct.ThrowIfCancellationRequested();
            WriteManifest(tmp, Manifest(run));
        }, ct);
        return Path.GetFullPath(dir);
    }

    /// <summary>
    /// Writes a loaded stock to <paramref name="dir"/>: stock.parquet, stock.gpkg (as <see cref="RunOptions.Formats"/> say),
    /// stock.geojson, rejects.geojson, issues.csv and a manifest — all-or-nothing like a run folder.
    /// </summary>
    /// <exception cref="InputException"><paramref name="dir"/> is a file or a folder twin did not write.</exception>
    public static string WriteStock(TwinStock stock, TwinData data, string dir, RunOptions? options = null)
    {
        options ??= RunOptions.Default;
        AtomicFolder.Write(dir, "--out", tmp =>
        {
            FeatureTable table = StockExport.ToTable(stock.Buildings, data.Simulation.Typologies);
            if (options.Formats.HasFlag(OutputFormats.GeoParquet))
            {
                GeoParquetWriter.Write(table, Path.Combine(tmp, "stock.parquet"), encoded: stock.EncodedFootprints(options.Parallel), parallel: options.Parallel);
            }

            if (options.Formats.HasFlag(OutputFormats.GeoPackage))
            {
                GeoPackageWriter.Write(table, Path.Combine(tmp, "stock.gpkg"), "stock", options.Cancellation);
            }

            GeoJsonWriter.Write(table, Path.Combine(tmp, "stock.geojson"));
            GeoJsonWriter.Write(StockExport.RejectsToTable(stock.Result, stock.Result.SourceCrs), Path.Combine(tmp, "rejects.geojson"));
            StockExport.WriteIssuesCsv(stock.Result.Issues, Path.Combine(tmp, "issues.csv"));
            WriteManifest(tmp, new RunManifest
            {
                Kind = "stock",
                RunId = Guid.NewGuid().ToString("N"),
                EngineVersion = EngineInfo.Version,
                ReferenceYear = stock.ReferenceYear,
                StartedUtc = DateTime.UtcNow,
                BuildingsRead = stock.Result.Read,
                BuildingsRejected = stock.Result.Rejects.Count,
                StockFingerprint = stock.Fingerprint,
                Inputs = Hash(stock.Files.Concat(data.Files)),
            });
        }, options.Cancellation);
        return Path.GetFullPath(dir);
    }

    /// <summary>Opens a run folder (or its buildings.parquet) written by <see cref="Write"/>.</summary>
    /// <exception cref="InputException">The folder does not exist, is incomplete (no manifest, or one not marked complete), was modified, or is not a run.</exception>
    public static RunOutput Open(string path)
    {
        string dir = File.Exists(path) && Path.GetFileName(path) is "buildings.parquet" or "buildings.gpkg" ? Path.GetDirectoryName(Path.GetFullPath(path))! : Path.GetFullPath(path);
        const string Rerun = "Run 'twin run' (or 'twin sample') again to write it completely.";
        if (!Directory.Exists(dir))
        {
            throw InputException.Fatal(dir, "(run folder)", null, "run folder not found", "Give a folder written by 'twin run'.", IssueCodes.FileNotFound);
        }

        string manifestPath = Path.Combine(dir, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw InputException.Fatal(dir, "manifest.json", null, "is not a complete run folder: it has no manifest.json (the run was interrupted, or this is not a run folder)", Rerun, IssueCodes.IncompleteRun);
        }

        RunManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(manifestPath), RunManifest.Json) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            throw InputException.Fatal(manifestPath, JsonErrors.Where(ex), null, $"is not a readable run manifest ({JsonErrors.Describe(ex)}): it was cut short or edited", Rerun, IssueCodes.IncompleteRun, ex);
        }

        if (manifest.Kind != "run" || manifest.FormatVersion != RunManifest.CurrentFormat || !manifest.Complete)
        {
            string why = manifest.Kind != "run" ? $"is a {manifest.Kind} folder, not a run" : manifest.FormatVersion != RunManifest.CurrentFormat ? $"was written in manifest format {manifest.FormatVersion}; this twin reads format {RunManifest.CurrentFormat}" : "is not marked complete";
            throw InputException.Fatal(manifestPath, "complete", manifest.Complete ? "true" : "false", why, Rerun, IssueCodes.IncompleteRun);
        }

        foreach (ManifestOutput o in manifest.Outputs)
        {
            var f = new FileInfo(Path.Combine(dir, o.File));
            if (!f.Exists || f.Length != o.Bytes)
            {
                throw InputException.Fatal(f.FullName, "(file)", f.Exists ? $"{f.Length} bytes" : "missing", $"does not match the run's manifest ({o.Bytes} bytes): the folder was modified or mixes files of two runs", Rerun, IssueCodes.IncompleteRun);
            }
        }

        string parquet = Path.Combine(dir, "buildings.parquet");
        return new RunOutput(dir, manifest, File.Exists(parquet) ? parquet : Path.Combine(dir, "buildings.gpkg"));
    }

    private static RunManifest Manifest(ScenarioRun run) => new()
    {
        RunId = Guid.NewGuid().ToString("N"),
        Scenario = run.Scenario.Scenario.Name,
        ScenarioTitle = run.Scenario.Title,
        Seed = run.Scenario.Scenario.Seed,
        DiscountRate = run.Scenario.Scenario.DiscountRate,
        EngineVersion = EngineInfo.Version,
        ReferenceYear = run.Stock.ReferenceYear,
        StartedUtc = run.StartedUtc,
        ElapsedSeconds = Math.Round(run.Elapsed.TotalSeconds, 3),
        Climate = run.Data.Simulation.Climate.Name,
        BuildingsRead = run.Stock.Result.Read,
        BuildingsRejected = run.Stock.Result.Rejects.Count,
        BuildingsSimulated = run.Headline.Simulated,
        BuildingsRenovated = run.Headline.Renovated,
        StockFingerprint = run.Stock.Fingerprint,
        Inputs = Hash([.. run.Stock.Files, new InputFile("scenario", run.Scenario.Path), .. run.Scenario.RuleFiles.Select(f => new InputFile("subsidy-rules", f)), .. run.Data.Files]),
    };

    private static List<ManifestInput> Hash(IEnumerable<InputFile> files) =>
        files.Select(f => new ManifestInput(f.Role, Path.GetFullPath(f.Path), InputFiles.Sha256(f.Path))).ToList();

    /// <summary>Lists every file written so far in the manifest (size, SHA-256), then writes it: the folder's last file.</summary>
    private static void WriteManifest(string tmp, RunManifest manifest)
    {
        var outputs = Directory.EnumerateFiles(tmp).Select(f => new FileInfo(f)).OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new ManifestOutput(f.Name, f.Length, InputFiles.Sha256(f.FullName))).ToList();
        File.WriteAllText(Path.Combine(tmp, "manifest.json"), JsonSerializer.Serialize(manifest with { FormatVersion = RunManifest.CurrentFormat, Complete = true, Outputs = outputs }, RunManifest.Json));
    }
}
