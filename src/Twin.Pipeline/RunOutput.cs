using Twin.Core.IO;
using Twin.Core.Validation;

namespace Twin.Pipeline;

/// <summary>A complete run folder read back (<see cref="IO.RunDirectory.Open"/>): its manifest, pathway, headline and per-building table.</summary>
public sealed class RunOutput
{
    private readonly Lazy<IReadOnlyList<YearTotals>> _years;

    internal RunOutput(string directory, RunManifest manifest, string buildingsPath)
    {
        Directory = directory;
        Manifest = manifest;
        BuildingsPath = buildingsPath;
        _years = new Lazy<IReadOnlyList<YearTotals>>(ReadYears);
    }

    /// <summary>The run folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>What the run was made from.</summary>
    public RunManifest Manifest { get; }

    /// <summary>The scenario's title.</summary>
    public string Title => Manifest.ScenarioTitle.Length > 0 ? Manifest.ScenarioTitle : Manifest.Scenario;

    /// <summary>The per-building table: buildings.parquet, else buildings.gpkg.</summary>
    public string BuildingsPath { get; }

    /// <summary>The pathway year by year (years.csv).</summary>
    public IReadOnlyList<YearTotals> Years => _years.Value;

    /// <summary>The headline indicators, computed from the pathway as for a run in memory.</summary>
    public Headline Headline => Headline.From(Manifest.Scenario, Title, Manifest.BuildingsSimulated, Manifest.BuildingsRenovated, Manifest.DiscountRate, Years);

    /// <summary>The names of the per-building columns.</summary>
    public IReadOnlyList<string> BuildingColumns() =>
        BuildingsPath.EndsWith(".parquet", StringComparison.Ordinal) ? GeoParquetReader.ColumnNames(BuildingsPath) : GeoPackageReader.Read(BuildingsPath).Columns.Select(c => c.Name).ToList();

    /// <summary>The per-building table; only <paramref name="columns"/> (and the geometry) when given and the table is GeoParquet.</summary>
    public FeatureTable ReadBuildings(IReadOnlyCollection<string>? columns = null) =>
        !BuildingsPath.EndsWith(".parquet", StringComparison.Ordinal) ? GeoPackageReader.Read(BuildingsPath)
        : columns is null ? GeoParquetReader.Read(BuildingsPath)
        : GeoParquetReader.Read(BuildingsPath, columns);

    private List<YearTotals> ReadYears()
    {
        CsvTable t = CsvTable.Read(Path.Combine(Directory, "years.csv"));
        string[] carriers = t.Header.Where(h => h.EndsWith("_kwh", StringComparison.Ordinal)).Select(h => h[..^4]).ToArray();
        double D(string[] row, string c) => t.GetDouble(row, c, double.NaN);
        var years = t.Rows.Select(r => new YearTotals((int)D(r, "year"), (int)D(r, "renovated"), (int)D(r, "renovated_cumulative"), D(r, "investment_eur"), D(r, "subsidy_eur"), D(r, "co2_kg"), D(r, "co2_no_renovation_kg"), D(r, "energy_cost_eur"), D(r, "energy_cost_no_renovation_eur"),
            new LifeCycleCosts(D(r, "anyway_eur"), D(r, "maintenance_eur"), D(r, "maintenance_no_renovation_eur"), D(r, "replacement_eur"), D(r, "replacement_no_renovation_eur"), D(r, "residual_value_eur"), D(r, "residual_value_no_renovation_eur")), carriers.ToDictionary(c => c, c => D(r, c + "_kwh"), StringComparer.Ordinal))).ToList();
        return years.Count > 0 ? years : throw InputException.Fatal(Path.Combine(Directory, "years.csv"), "(file)", null, "the run's pathway has no years", "Run 'twin run' again.", IssueCodes.IncompleteRun);
    }
}
