using Twin.Tests.Shared;

namespace Twin.Core.Tests;

/// <summary>The bundled sample files used by the core tests.</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    public static string Samples => RepoPaths.Samples;

    public static string SampleBuildings => Path.Combine(Samples, "warsaw-srodmiescie", "buildings.geojson");

    public static string SampleMapping => Path.Combine(Samples, "warsaw-srodmiescie", "bdot10k-mapping.json");

    public static string SampleNeighbourhoods => Path.Combine(Samples, "warsaw-srodmiescie", "neighbourhoods.geojson");

    public static string TypologiesExisting => Path.Combine(RepoPaths.Typologies, "tabula_PL_existing_state.csv");

    public static string TypologiesVariants => Path.Combine(RepoPaths.Typologies, "tabula_PL_variants.csv");

    public static string SharedReference => RepoPaths.SharedReference;

    public static string NewTempDir() => RepoPaths.NewTempDir();
}
