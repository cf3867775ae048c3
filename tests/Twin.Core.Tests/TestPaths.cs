namespace Twin.Core.Tests;

/// <summary>Paths of the repository's bundled data and of the shared reference folder beside the checkout.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepoRoot, "data", "samples");

    public static string SampleBuildings => Path.Combine(Samples, "warsaw-srodmiescie", "buildings.geojson");

    public static string SampleMapping => Path.Combine(Samples, "warsaw-srodmiescie", "bdot10k-mapping.json");

    public static string SampleNeighbourhoods => Path.Combine(Samples, "warsaw-srodmiescie", "neighbourhoods.geojson");

    public static string TypologiesExisting => Path.Combine(Samples, "typologies", "tabula_PL_existing_state.csv");

    public static string TypologiesVariants => Path.Combine(Samples, "typologies", "tabula_PL_variants.csv");

    /// <summary>../shared/reference beside the repository (absent on machines without it).</summary>
    public static string SharedReference => Path.Combine(Path.GetDirectoryName(RepoRoot)!, "shared", "reference");

    public static string NewTempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "twin-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "BuildingTwin.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("BuildingTwin.sln not found above the test binaries.");
    }
}
