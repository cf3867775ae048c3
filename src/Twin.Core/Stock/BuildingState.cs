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

/// <summary>How a stock, a mapping value or the advisor's command line says whether an element was renewed: a year, yes or no.</summary>
public static class RenewalValue
{
    private static readonly string[] Yes = ["yes", "y", "true", "t", "tak", "1", "-1"]; // −1: twin's own stock files
    private static readonly string[] No = ["no", "n", "false", "f", "nie", "0", "none"];

    /// <summary>
    /// 0 for no, <see cref="BuildingStock.RenewedYearUnknown"/> for yes, the year for a four-digit year in
    /// <paramref name="built"/>–<paramref name="reference"/>; null otherwise, with why in <paramref name="problem"/>.
    /// </summary>
    public static int? Parse(string text, int built, int reference, out string? problem)
    {
        problem = null;
        string t = text.Trim();
        if (Yes.Contains(t, StringComparer.OrdinalIgnoreCase))
        {
            return BuildingStock.RenewedYearUnknown;
        }

        if (No.Contains(t, StringComparer.OrdinalIgnoreCase))
        {
            return 0;
        }

        System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(t, @"^(\d{4})(?:[-./].*)?$");
        if (m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is int year)
        {
            if (year >= built && year <= reference)
            {
                return year;
            }

            problem = $"renewal year {year} is outside {built}–{reference} (construction year to the reference year)";
            return null;
        }

        problem = $"'{t}' is neither a year nor yes/no";
        return null;
    }
}
