using System.Security.Cryptography;
using System.Text;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Spatial;
using Twin.Core.Stock;
using Twin.Core.Validation;
using Twin.Pipeline.IO;

namespace Twin.Pipeline;

/// <summary>
/// A loaded, validated, measured and typed stock with what a run needs to say about it: the load (accepted buildings,
/// rejects with reasons, every issue), the files it came from and a fingerprint shared by every load of the same
/// buildings, so runs of different stocks are never compared.
/// </summary>
public sealed class TwinStock
{
    private readonly Lock _gate = new();
    private EncodedGeometries? _footprints;

    private TwinStock(StockSource source, LoadResult result, IReadOnlyList<InputFile> files, int referenceYear)
    {
        Source = source;
        Result = result;
        Files = files;
        ReferenceYear = referenceYear;
        Fingerprint = FingerprintOf(result.Stock.Ids);
    }

    /// <summary>What was loaded.</summary>
    public StockSource Source { get; }

    /// <summary>The load: <c>Read == Buildings.Count + Rejects.Count</c>, with every issue.</summary>
    public LoadResult Result { get; }

    /// <summary>The accepted buildings as columns.</summary>
    public BuildingStock Buildings => Result.Stock;

    /// <summary>The input files (stock, mapping, neighbourhoods), by role.</summary>
    public IReadOnlyList<InputFile> Files { get; }

    /// <summary>The year the stock was described in.</summary>
    public int ReferenceYear { get; }

    /// <summary>SHA-256 over the accepted building ids in order: equal for two loads of the same buildings.</summary>
    public string Fingerprint { get; }

    /// <summary>The footprints reprojected to WGS 84 and WKB-encoded once, for every GeoParquet written of this stock.</summary>
    public EncodedGeometries EncodedFootprints(ParallelOptions parallel)
    {
        lock (_gate)
        {
            return _footprints ??= GeoParquetWriter.Encode(new FeatureTable("footprints", "stock", Buildings.Crs, [.. Buildings.Footprints], []), parallel);
        }
    }

    /// <summary>
    /// Plausible reference years: from 1900 (the scenarios' validator allows horizons from 2000; a stock described before
    /// 1900 would make most of today's buildings implausible) to 2100 (the horizons' upper limit).
    /// </summary>
    public const int MinReferenceYear = 1900, MaxReferenceYear = 2100;

    /// <summary>Loads a stock with the default options.</summary>
    public static TwinStock Load(StockSource source, TwinData data) => Load(source, data, RunOptions.Default);

    /// <summary>
    /// Checks the mapping and neighbourhood files, then loads, validates, measures and types the stock. Problems of single
    /// buildings are repaired or rejected (in <see cref="Result"/>); problems of a whole input throw.
    /// </summary>
    /// <exception cref="InputException">A file is missing or unusable (the stock, the mapping, the neighbourhoods), or the stock's CRS is unknown.</exception>
    public static TwinStock Load(StockSource source, TwinData data, RunOptions options) => Load(source, data, options, Check(source));

    /// <summary>Loads a stock whose side inputs <see cref="Check"/> has already read.</summary>
    internal static TwinStock Load(StockSource source, TwinData data, RunOptions options, (AttributeMapping? Mapping, List<InputFile> Files) checkedInputs)
    {
        (AttributeMapping? mapping, List<InputFile> files) = checkedInputs;
        int year = source.ReferenceYear ?? StockLoadOptions.DefaultReferenceYear;
        var loadOptions = new StockLoadOptions
        {
            Mapping = mapping,
            AssumedSourceCrs = source.SourceCrs,
            MetricCrs = source.MetricCrs,
            Country = source.Country,
            ReferenceYear = year,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            Cancellation = options.Cancellation,
        };
        options.Progress?.Report(new RunProgress($"loading {Path.GetFileName(source.Path)}", 0));
        LoadResult load = StockLoader.Load(source.Path, data.Simulation.Typologies, loadOptions, source.NeighbourhoodsPath);
        if (load.IsFatal)
        {
            throw new InputException(load.Issues.Where(i => i.Outcome == IssueOutcome.Fatal).ToList());
        }

        return new TwinStock(source, load, files, year);
    }

    /// <summary>
    /// Checks the stock's side inputs before anything long starts: the stock file exists, the mapping parses, the
    /// neighbourhood polygons read. All problems at once.
    /// </summary>
    /// <exception cref="InputException">Any of them has problems.</exception>
    public static (AttributeMapping? Mapping, List<InputFile> Files) Check(StockSource source)
    {
        var issues = new List<DataIssue>();
        var files = new List<InputFile> { new("stock", source.Path) };
        if (source.ReferenceYear is int year && (year < MinReferenceYear || year > MaxReferenceYear))
        {
            issues.Add(new DataIssue(InputException.CommandLine, null, "--reference-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "year", $"is not a plausible year to describe a stock in ({MinReferenceYear}–{MaxReferenceYear})", "Give the year the data describe, e.g. the survey year or the scenarios' start year.", IssueOutcome.Fatal, IssueCodes.InvalidArgument));
        }

        if (InputFiles.Missing(source.Path, "stock", "stock") is DataIssue noStock)
        {
            issues.Add(noStock);
        }

        AttributeMapping? mapping = null;
        if (source.MappingPath is string m)
        {
            files.Add(new InputFile("mapping", m));
            InputChecks.Collect(issues, () => mapping = MappingFile.Read(m));
        }

        if (source.NeighbourhoodsPath is string n)
        {
            files.Add(new InputFile("neighbourhoods", n));
            InputChecks.Collect(issues, () => Neighbourhoods.Load(n, CoordinateReferenceSystem.Wgs84));
        }

        return issues.Count > 0 ? throw new InputException(issues) : (mapping, files);
    }

    /// <summary>The fingerprint of a list of building ids (see <see cref="Fingerprint"/>).</summary>
    public static string FingerprintOf(IReadOnlyList<string> ids)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        foreach (string id in ids)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(id));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
