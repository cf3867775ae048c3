using Twin.Core.IO;
using Twin.Core.Typologies;
using Twin.Core.Validation;
using Twin.Pipeline.IO;
using Twin.Sim.Climate;
using Twin.Sim.Engine;
using Twin.Sim.Systems;

namespace Twin.Pipeline;

/// <summary>
/// The reference data of a run, read and checked from one data folder laid out like data/samples: TABULA typologies and
/// measures, the climate, carriers, heat generators, unit costs, the current heating by size class and the energy-class
/// scale. The folder is <c>--data DIR</c>, else <see cref="EnvironmentVariable"/>, else the folder shipped beside the
/// program (<see cref="ShippedFolder"/>), so a published twin needs no repository.
/// </summary>
public sealed class TwinData
{
    /// <summary>Environment variable naming the data folder when none is given.</summary>
    public const string EnvironmentVariable = "TWIN_DATA";

    /// <summary>Design outdoor temperature for Warsaw, −18 °C: climatic zone II of PN-EN 12831:2006 national annex (PN-82/B-02403 zones).</summary>
    public const double WarsawDesignTemperatureC = -18.0;

    private TwinData(string folder, SimulationData simulation, IReadOnlyList<InputFile> files, IReadOnlyList<DistrictHeatNetwork> networks)
    {
        Folder = folder;
        Simulation = simulation;
        Files = files;
        Networks = networks;
        Sample = new SampleDistrict(folder);
    }

    /// <summary>The district-heating networks of the data folder; <see cref="SimulationData.Network"/> is the one in use.</summary>
    public IReadOnlyList<DistrictHeatNetwork> Networks { get; }

    /// <summary>The same data with the energy-class scale of <paramref name="path"/> (e.g. defaults/energy_classes_geg2020.csv), recorded among the inputs.</summary>
    /// <exception cref="InputException">The file is missing or is not a class scale.</exception>
    public TwinData WithClassScale(string path)
    {
        InputFiles.Require(path, "energy-class", "--classes");
        EnergyClassScale scale = SimulationData.ClassScaleFromTable(CsvTable.Read(path));
        return new TwinData(Folder, Simulation with { ClassScale = scale }, [.. Files.Where(f => f.Role != "data:energy-classes"), new InputFile("data:energy-classes", Path.GetFullPath(path))], Networks);
    }

    /// <summary>The same data for buildings in <paramref name="city"/>: its heating bans (defaults/heating_bans.csv) apply.</summary>
    public TwinData WithCity(string? city) => new(Folder, Simulation with { City = string.IsNullOrWhiteSpace(city) ? null : city.Trim() }, Files, Networks);

    /// <summary>The same data with a district-heating network at every building (true), at none (false), or only where already connected (null).</summary>
    public TwinData WithDistrictHeatAvailable(bool? available) => new(Folder, Simulation with { DistrictHeatAvailable = available }, Files, Networks);

    /// <summary>The same data with district heat from network <paramref name="id"/> (a row of district_heat_networks.csv).</summary>
    /// <exception cref="InputException">No such network (the known ones and the closest are named).</exception>
    public TwinData WithNetwork(string id)
    {
        DistrictHeatNetwork? n = Networks.FirstOrDefault(x => string.Equals(x.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        if (n is null)
        {
            string? close = Suggestions.Closest(id, Networks.Select(x => x.Id));
            throw new InputException(new DataIssue(InputException.CommandLine, null, "--dh-network", id, null, "is not a district-heating network of the data folder", $"{(close is null ? string.Empty : $"Did you mean {close}? ")}Use one of {string.Join(", ", Networks.Select(x => x.Id))} (defaults/district_heat_networks.csv), or add a row for your network.", IssueOutcome.Fatal, IssueCodes.InvalidArgument));
        }

        return new TwinData(Folder, Simulation.WithNetwork(n), Files, Networks);
    }

    /// <summary>The same folder with other engine data (e.g. fitted calibration factors) and one more input file for the manifest.</summary>
    public TwinData With(SimulationData simulation, InputFile extra) => new(Folder, simulation, [.. Files, extra], Networks);

    /// <summary>The data folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Everything the engine needs besides the stock and the scenario.</summary>
    public SimulationData Simulation { get; }

    /// <summary>The reference files read, by role (for the manifest's hashes).</summary>
    public IReadOnlyList<InputFile> Files { get; }

    /// <summary>The bundled sample district of the folder (Warszawa-Śródmieście, BDOT10k) and its scenarios.</summary>
    public SampleDistrict Sample { get; }

    /// <summary>The data folder shipped beside the program: &lt;program folder&gt;/data.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The folder used when none is given: <see cref="EnvironmentVariable"/> if set, else <see cref="ShippedFolder"/>.</summary>
    public static string DefaultFolder => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env : ShippedFolder;

    /// <summary>The absolute data folder for <paramref name="folder"/> (null = <see cref="DefaultFolder"/>), without reading it.</summary>
    public static string ResolveFolder(string? folder) => Path.GetFullPath(folder ?? DefaultFolder);

    /// <summary>Reads the default data folder (<see cref="DefaultFolder"/>).</summary>
    public static TwinData Load() => Load(null, null);

    /// <summary>
    /// Reads and checks the reference data of <paramref name="folder"/> (null = <see cref="DefaultFolder"/>); a
    /// <paramref name="climate"/> table replaces the folder's default climate (the TABULA national heating season).
    /// </summary>
    /// <exception cref="InputException">The folder or a file is missing, or tables have problems: all of them.</exception>
    public static TwinData Load(string? folder, string? climate = null)
    {
        string root = ResolveFolder(folder);
        string given = folder is not null ? "--data" : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } ? EnvironmentVariable : "the data folder shipped beside twin";
        const string Where = "Give the folder of reference data with --data DIR or TWIN_DATA=DIR; twin ships one as <program folder>/data (data/samples in the repository).";
        if (!InputFiles.FolderExists(root))
        {
            throw InputException.Fatal(root, given, null, "data folder not found", Where, IssueCodes.FileNotFound);
        }

        if (InputFiles.Missing(Path.Combine(root, "typologies", "tabula_PL_existing_state.csv"), "typology", given) is not null)
        {
            string samples = Path.Combine(root, "samples");
            string hint = InputFiles.FolderExists(Path.Combine(samples, "typologies")) ? $"Did you mean {samples}? " + Where : Where;
            throw InputException.Fatal(root, given, null, "is not a twin data folder (it has no typologies/tabula_PL_existing_state.csv)", hint, IssueCodes.FileNotFound);
        }

        var files = new List<InputFile>
        {
            new("data:typologies", Path.Combine(root, "typologies", "tabula_PL_existing_state.csv")),
            new("data:typology-variants", Path.Combine(root, "typologies", "tabula_PL_variants.csv")),
            new("data:measures", Path.Combine(root, "typologies", "tabula_measures_PL.csv")),
            new("data:measure-supplements", Path.Combine(root, "typologies", "measure_supplements_PL.csv")),
            new("climate", climate is null ? Path.Combine(root, "weather", "tabula_PL_N_season.csv") : Path.GetFullPath(climate)),
            new("data:pv-irradiation", Path.Combine(root, "weather", "warsaw_monthly_nsrdb2019.csv")),
            new("data:carriers", Path.Combine(root, "defaults", "carriers.csv")),
            new("data:heating-systems", Path.Combine(root, "defaults", "heating_systems.csv")),
            new("data:unit-costs", Path.Combine(root, "defaults", "unit_costs.csv")),
            new("data:current-heating", Path.Combine(root, "defaults", "current_heating.csv")),
            new("data:energy-classes", Path.Combine(root, "defaults", "energy_classes.csv")),
            new("data:consumption-calibration", Path.Combine(root, "defaults", "consumption_calibration.csv")),
            new("data:district-heat-networks", Path.Combine(root, "defaults", "district_heat_networks.csv")),
            new("data:heating-bans", Path.Combine(root, "defaults", "heating_bans.csv")),
            new("data:renewal-shares", Path.Combine(root, "defaults", "renewal_shares.csv")),
            new("data:ep-limits", Path.Combine(root, "defaults", "ep_limits.csv")),
        };
        string F(string role) => files.First(f => f.Role == role).Path;

        var issues = new List<DataIssue>();
        if (climate is not null && InputFiles.Missing(F("climate"), "climate", "--climate") is DataIssue noClimate)
        {
            throw new InputException(noClimate);
        }

        var read = new ReferenceTables(issues);
        TypologyCatalog? catalog = read.Typologies(F("data:typologies"), F("data:typology-variants"));
        TabulaMeasureCatalog? measures = read.Measures(F("data:measures"), F("data:measure-supplements"));
        PeriodClimate? monthly = Climate(read.Csv(F("data:pv-irradiation"), "climate"), "Warsaw 2019 (NSRDB)", issues);
        PeriodClimate? chosen = Climate(read.Csv(F("climate"), "climate"), Path.GetFileNameWithoutExtension(F("climate")), issues);
        CsvTable? carriers = read.Csv(F("data:carriers"), "carrier"), systems = read.Csv(F("data:heating-systems"), "heat-generator"),
            costs = read.Csv(F("data:unit-costs"), "unit-cost"), heating = read.Csv(F("data:current-heating"), "current-heating"), classes = read.Csv(F("data:energy-classes"), "energy-class"),
            calibration = read.Csv(F("data:consumption-calibration"), "consumption-calibration"), networkTable = read.Csv(F("data:district-heat-networks"), "district-heat-network"),
            banTable = read.Csv(F("data:heating-bans"), "heating-ban"), shareTable = read.Csv(F("data:renewal-shares"), "renewal-share"), limitTable = read.Csv(F("data:ep-limits"), "ep-limit");
        SimulationData? data = null;
        IReadOnlyList<DistrictHeatNetwork> networks = [];
        if (catalog is not null && measures is not null && chosen is not null && monthly is not null && carriers is not null && systems is not null && costs is not null && heating is not null && classes is not null && calibration is not null && networkTable is not null && banTable is not null && shareTable is not null && limitTable is not null)
        {
            // A seasonal climate has no annual irradiation for PV: take it from the Warsaw monthly table (NSRDB 2019).
            chosen = chosen with { AnnualHorizontalKWhPerM2 = chosen.IsSeasonal ? monthly.AnnualHorizontal : chosen.AnnualHorizontal };
            try
            {
                data = SimulationData.FromTables(catalog, measures, chosen, carriers, systems, costs, heating, classes, calibration);
                (networks, DistrictHeatNetwork network) = SimulationData.NetworksFromTable(networkTable);
                data = data.WithNetwork(network) with { HeatingBans = SimulationData.HeatingBansFromTable(banTable), RenewalShares = SimulationData.RenewalSharesFromTable(shareTable), EpLimits = SimulationData.EpLimitsFromTable(limitTable) };
            }
            catch (InputException ex)
            {
                issues.AddRange(ex.Issues);
            }
        }

        return issues.Count > 0 || data is null ? throw new InputException(issues) : new TwinData(root, data, files, networks);
    }

    private static PeriodClimate? Climate(CsvTable? table, string name, List<DataIssue> issues)
    {
        if (table is null)
        {
            return null;
        }

        try
        {
            return SimulationData.ClimateFromTable(table, name, WarsawDesignTemperatureC);
        }
        catch (InputException ex)
        {
            issues.AddRange(ex.Issues);
            return null;
        }
    }
}
