using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.Pipeline;

/// <summary>An input file of a run with its SHA-256.</summary>
public sealed record ManifestInput(string Role, string Path, string Sha256);

/// <summary>An output file of a run folder with its size and SHA-256.</summary>
public sealed record ManifestOutput(string File, long Bytes, string Sha256);

/// <summary>
/// What a run folder was made from and holds (manifest.json, written last). A folder whose manifest is missing, says
/// <see cref="Complete"/> false, or lists files that are not there as listed is not a run: readers refuse it.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The manifest layout this engine writes and reads.</summary>
    public const int CurrentFormat = 3;

    /// <summary>Kind of folder: "run" (a scenario run) or "stock" (a loaded stock).</summary>
    public string Kind { get; init; } = "run";

    /// <summary>Layout version of the manifest (set by the writer; 0 in a manifest of an older twin, which has none).</summary>
    public int FormatVersion { get; init; }

    /// <summary>True once every output was written: the last thing a writer does.</summary>
    public bool Complete { get; init; }

    /// <summary>Unique id of this run.</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>Scenario name (empty for a stock folder).</summary>
    public string Scenario { get; init; } = string.Empty;

    /// <summary>Scenario title.</summary>
    public string ScenarioTitle { get; init; } = string.Empty;

    /// <summary>The scenario's seed.</summary>
    public int Seed { get; init; }

    /// <summary>The scenario's real discount rate [-/a].</summary>
    public double DiscountRate { get; init; }

    /// <summary>Engine version and git commit (<see cref="EngineInfo.Version"/>).</summary>
    public string EngineVersion { get; init; } = string.Empty;

    /// <summary>The year the stock was described in.</summary>
    public int ReferenceYear { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public DateTime StartedUtc { get; init; }

    /// <summary>Seconds the simulation took.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Name of the climate used.</summary>
    public string Climate { get; init; } = string.Empty;

    /// <summary>Buildings read from the stock file.</summary>
    public int BuildingsRead { get; init; }

    /// <summary>Buildings rejected while loading.</summary>
    public int BuildingsRejected { get; init; }

    /// <summary>Buildings simulated.</summary>
    public int BuildingsSimulated { get; init; }

    /// <summary>Buildings renovated within the horizon.</summary>
    public int BuildingsRenovated { get; init; }

    /// <summary>SHA-256 of the accepted building ids in order (<see cref="TwinStock.Fingerprint"/>).</summary>
    public string StockFingerprint { get; init; } = string.Empty;

    /// <summary>Every input and reference file, by role, with its SHA-256.</summary>
    public IReadOnlyList<ManifestInput> Inputs { get; init; } = [];

    /// <summary>Every other file of the folder with its size and SHA-256.</summary>
    public IReadOnlyList<ManifestOutput> Outputs { get; init; } = [];

    /// <summary>snake_case JSON, indented.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
