namespace Twin.Pipeline;

/// <summary>The output formats of per-building tables (stock and results); flags, so both can be written.</summary>
[Flags]
public enum OutputFormats
{
    /// <summary>GeoParquet 1.1 (pandas/GeoPandas, DuckDB, R, QGIS ≥ 3.32 with GDAL ≥ 3.8).</summary>
    GeoParquet = 1,

    /// <summary>OGC GeoPackage (any GDAL/QGIS, including Debian/Ubuntu builds without Parquet).</summary>
    GeoPackage = 2,

    /// <summary>Both.</summary>
    Both = GeoParquet | GeoPackage,
}

/// <summary>How far a run has come: the step (e.g. "bau: simulating") and its completed fraction (0–1).</summary>
public readonly record struct RunProgress(string Step, double Fraction);

/// <summary>Options of a run; defaults in one place. Results do not depend on the threads.</summary>
public sealed record RunOptions
{
    /// <summary>Worker threads of every parallel step (loading, simulation, writing); null = all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Stops loading, simulating and writing; a run folder being written is removed, none is left half-written.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives the progress of long steps.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Formats of the per-building tables. GeoParquet for analysis plus GeoPackage for GIS by default.</summary>
    public OutputFormats Formats { get; init; } = OutputFormats.Both;

    /// <summary>The defaults.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>The parallel options of every loop: <see cref="MaxDegreeOfParallelism"/> and <see cref="Cancellation"/>.</summary>
    public ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1, CancellationToken = Cancellation };
}
