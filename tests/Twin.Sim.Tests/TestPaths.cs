namespace Twin.Sim.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Typologies => Path.Combine(RepoRoot, "data", "samples", "typologies");

    public static string Samples => Path.Combine(RepoRoot, "data", "samples");

    /// <summary>../shared/reference beside the repository (absent on machines without it).</summary>
    public static string SharedReference => Path.Combine(Path.GetDirectoryName(RepoRoot)!, "shared", "reference");

    public static string NewTempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "twin-sim-tests-" + Guid.NewGuid().ToString("N")[..12]);
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
