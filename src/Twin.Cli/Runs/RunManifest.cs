using System.Security.Cryptography;
using System.Text.Json;

namespace Twin.Cli.Runs;

/// <summary>What a run was made from: input files with SHA-256, engine version, scenario, seed, counts. Written as manifest.json.</summary>
internal sealed record RunManifest(
    string Scenario,
    int Seed,
    double DiscountRate,
    string EngineVersion,
    DateTime StartedUtc,
    double ElapsedSeconds,
    string Climate,
    int BuildingsRead,
    int BuildingsRejected,
    int BuildingsSimulated,
    int BuildingsRenovated,
    IReadOnlyDictionary<string, string> InputsSha256)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string EngineVersionString => typeof(Twin.Sim.Engine.Simulator).Assembly.GetName().Version?.ToString() ?? "0";

    public static Dictionary<string, string> Hash(IEnumerable<string> files) =>
        files.Where(File.Exists).Distinct().ToDictionary(f => Path.GetFileName(f) is var name && name.Length > 0 ? Path.GetRelativePath(Directory.GetCurrentDirectory(), f) : f, Sha256, StringComparer.Ordinal);

    public static RunManifest Read(string path) => JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty manifest.");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    private static string Sha256(string path)
    {
        using FileStream f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
