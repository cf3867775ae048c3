namespace Twin.Tests.Shared;

/// <summary>Paths shared by all test projects (linked into each): the repository root, its bundled data, ../shared/reference, temp folders.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "data", "samples");

    public static string Typologies => Path.Combine(Samples, "typologies");

    /// <summary>../shared/reference beside the repository (absent on machines without it: tests using it are skipped).</summary>
    public static string SharedReference => Path.Combine(Path.GetDirectoryName(Root)!, "shared", "reference");

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
