using System.Globalization;

namespace Twin.Sim.Systems;

/// <summary>A regional ban of heat generators (an anti-smog resolution), from a date on. Data: data/samples/defaults/heating_bans.csv.</summary>
public sealed record HeatingBan(string Area, IReadOnlySet<HeatingSystem> Systems, DateOnly From, string Source);

/// <summary>
/// The rules a renovation package must follow where the building stands: no package may keep or install a heat generator that
/// is banned there at any time within the horizon (it would have to go again), and district heat only where a network is.
/// </summary>
public static class HeatingRules
{
    /// <summary>True when two place names are the same ignoring case and diacritics (Kraków = krakow, Łódź = Lodz).</summary>
    public static bool SamePlace(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    // Letters with diacritics of Polish and its neighbours' place names, and their base letters (a table: normalisation is not
    // available where the program runs with invariant globalisation).
    private const string Accented = "ąćęłńóśźżáäčďéěíľĺňôöřŕšťúůüýžß";
    private const string Plain = "acelnoszzaacdeeillnoorrstuuuyzs";

    private static string Fold(string s)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in s.Trim().ToLowerInvariant())
        {
            int k = Accented.IndexOf(c, StringComparison.Ordinal);
            sb.Append(k >= 0 ? Plain[k] : c);
        }

        return sb.ToString();
    }

    /// <summary>Why a package with <paramref name="after"/> as the building's heat generator is not allowed; null when it is.</summary>
    /// <param name="bans">The bans of the data folder.</param>
    /// <param name="city">The city or area of the building (null: none known, so no ban applies).</param>
    /// <param name="before">The building's current heat generator.</param>
    /// <param name="after">The heat generator after the package (the current one if the package keeps it).</param>
    /// <param name="networkAvailable">Whether a district-heating network is at the building.</param>
    /// <param name="lastYear">The last year of the horizon.</param>
    public static string? Refusal(IReadOnlyList<HeatingBan> bans, string? city, HeatingSystem before, HeatingSystem after, bool networkAvailable, int lastYear)
    {
        if (city is not null)
        {
            foreach (HeatingBan ban in bans)
            {
                if (ban.Systems.Contains(after) && ban.From.Year <= lastYear && SamePlace(ban.Area, city))
                {
                    string verb = after == before ? "keeps" : "installs";
                    return string.Create(CultureInfo.InvariantCulture, $"{verb} a {Scenarios.ScenarioValidator.KebabName(after)}, banned in {ban.Area} from {ban.From:yyyy-MM-dd} (anti-smog resolution; source in heating_bans.csv)");
                }
            }
        }

        return after == HeatingSystem.DistrictHeat && before != HeatingSystem.DistrictHeat && !networkAvailable
            ? "connects to district heat, but no district-heating network is known at the building"
            : null;
    }
}
