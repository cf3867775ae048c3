using Twin.Core.Stock;
using Twin.Core.Typologies;

namespace Twin.Core.Reporting;

/// <summary>One line of a per-group summary: building count and floor areas (m²).</summary>
public sealed record GroupTotals(string Group, int Buildings, double FootprintAreaM2, double GrossFloorAreaM2, double HeatedFloorAreaM2);

/// <summary>Aggregates of a stock by typology and by neighbourhood, plus provenance counts.</summary>
public sealed record StockSummary(
    IReadOnlyList<GroupTotals> ByTypology,
    IReadOnlyList<GroupTotals> ByNeighbourhood,
    IReadOnlyDictionary<string, int> InferredCounts)
{
    /// <summary>Totals of the stock by typology and by neighbourhood, and how many values of each attribute were inferred (or, for heating and renewal, left to the engine's defaults).</summary>
    public static StockSummary Of(BuildingStock s, TypologyCatalog catalog)
    {
        string TypologyKey(int i) => s.TypologyIndex[i] >= 0 ? catalog.Types[s.TypologyIndex[i]].Label
            : s.Use[i] == BuildingUse.NonResidential ? "(non-residential)"
            : s.Use[i] == BuildingUse.Unknown ? "(use unknown)"
            : "(residential, no type found)";
        string HoodKey(int i) => s.NeighbourhoodIndex[i] >= 0 ? s.NeighbourhoodNames[s.NeighbourhoodIndex[i]] : "(outside neighbourhoods)";
        var inferred = new Dictionary<string, int>
        {
            ["height"] = s.HeightSource.Count(x => x == AttributeSource.Inferred),
            ["storeys"] = s.StoreysSource.Count(x => x == AttributeSource.Inferred),
            ["construction_year"] = s.ConstructionYearSource.Count(x => x == AttributeSource.Inferred),
            ["size_class"] = s.SizeClassSource.Count(x => x == AttributeSource.Inferred),
            ["country"] = s.CountrySource.Count(x => x == AttributeSource.Inferred),
            // Not stated by the source, so the engine takes its defaults: the size class's heat generator, the renewal shares.
            ["heating"] = s.Heating.Count(h => h is null),
            ["renewal"] = s.RenewalSource.Count(x => x != AttributeSource.Observed),
        };
        return new StockSummary(Group(s, TypologyKey), s.NeighbourhoodNames.Count == 0 ? [] : Group(s, HoodKey), inferred);
    }

    private static List<GroupTotals> Group(BuildingStock s, Func<int, string> key) =>
        Enumerable.Range(0, s.Count)
            .GroupBy(key)
            .Select(g => new GroupTotals(g.Key, g.Count(), g.Sum(i => s.FootprintAreaM2[i]), g.Sum(i => s.GrossFloorAreaM2[i]), g.Sum(i => s.HeatedFloorAreaM2[i])))
            .OrderBy(g => g.Group.StartsWith('(') ? 1 : 0)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
}
