namespace Twin.Core.Stock;

/// <summary>Envelope elements whose renewal after construction a stock can record (index of <see cref="BuildingStock.RenewedYear"/>).</summary>
public enum EnvelopeElement : byte
{
    /// <summary>External walls insulated.</summary>
    Wall = 0,

    /// <summary>Roof or top-floor ceiling insulated.</summary>
    Roof = 1,

    /// <summary>Ground floor or basement ceiling insulated.</summary>
    Floor = 2,

    /// <summary>Windows replaced.</summary>
    Windows = 3,
}

/// <summary>
/// The heat generators the engine models, by the names stocks, scenarios and the advisor use (kebab case; the engine's
/// <c>HeatingSystem</c> enum, checked by a test). A stock states a building's current generator with one of these names,
/// or with its own values mapped onto them (<see cref="Loading.AttributeMapping.HeatingValues"/>).
/// </summary>
public static class HeatGenerators
{
    /// <summary>All names, in the engine's order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gas-boiler", "oil-boiler", "coal-boiler", "biomass-boiler", "district-heat", "direct-electric", "air-heat-pump", "ground-heat-pump"];

    /// <summary>The name <paramref name="text"/> stands for (case-insensitive; '_' and ' ' read as '-'), null if none.</summary>
    public static string? Find(string text)
    {
        string key = text.Trim().Replace('_', '-').Replace(' ', '-');
        return Names.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
    }
}
