namespace Twin.Cli;

/// <summary>Locates the bundled sample (data/samples) from the working directory or the executable's folder upwards.</summary>
internal static class SamplePaths
{
    public static string Root => FindUp("data/samples") ?? throw new DirectoryNotFoundException("data/samples not found: run from the repository (or a folder inside it).");

    public static string District => Path.Combine(Root, "warsaw-srodmiescie");

    public static string Buildings => Path.Combine(District, "buildings.geojson");

    public static string Mapping => Path.Combine(District, "bdot10k-mapping.json");

    public static string Neighbourhoods => Path.Combine(District, "neighbourhoods.geojson");

    public static string TypologiesExisting => Path.Combine(Root, "typologies", "tabula_PL_existing_state.csv");

    public static string TypologiesVariants => Path.Combine(Root, "typologies", "tabula_PL_variants.csv");

    private static string? FindUp(string relative)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
