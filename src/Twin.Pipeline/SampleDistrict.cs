namespace Twin.Pipeline;

/// <summary>
/// The bundled sample of a data folder: 4,930 BDOT10k buildings of Warszawa-Śródmieście with their attribute mapping,
/// a 1 km neighbourhood grid, and the three sample scenarios run by <c>twin sample</c>.
/// </summary>
public sealed class SampleDistrict(string dataFolder)
{
    /// <summary>The scenarios <c>twin sample</c> runs, in order.</summary>
    public static readonly IReadOnlyList<string> ScenarioNames = ["bau", "shallow-heat-pump", "deep-district-heat"];

    /// <summary>The city of the district, for its heating bans (defaults/heating_bans.csv).</summary>
    public const string City = "Warszawa";

    /// <summary>Folder of the district's files.</summary>
    public string Folder => Path.Combine(dataFolder, "warsaw-srodmiescie");

    /// <summary>The stock: footprints, mapping and neighbourhoods.</summary>
    public StockSource Stock => new()
    {
        Path = Path.Combine(Folder, "buildings.geojson"),
        MappingPath = Path.Combine(Folder, "bdot10k-mapping.json"),
        NeighbourhoodsPath = Path.Combine(Folder, "neighbourhoods.geojson"),
    };

    /// <summary>The three sample scenario files.</summary>
    public IReadOnlyList<string> ScenarioPaths => ScenarioNames.Select(n => Path.Combine(dataFolder, "scenarios", n + ".json")).ToArray();

    /// <summary>The advisor's packages (<c>twin advise</c>).</summary>
    public string AdvisorScenarioPath => Path.Combine(dataFolder, "scenarios", "advisor.json");
}
