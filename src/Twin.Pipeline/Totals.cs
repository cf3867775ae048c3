using Twin.Core.Stock;
using Twin.Sim.Engine;

namespace Twin.Pipeline;

/// <summary>One year of a run's pathway, for the whole simulated stock (money EUR, energy kWh/a, CO₂ kg/a).</summary>
public sealed record YearTotals(
    int Year,
    int Renovated,
    int RenovatedCumulative,
    double InvestmentEur,
    double SubsidyEur,
    double Co2Kg,
    double Co2NoRenovationKg,
    double EnergyCostEur,
    double EnergyCostNoRenovationEur,
    IReadOnlyDictionary<string, double> FinalEnergyKWhByCarrier)
{
    /// <summary>The pathway of a simulation result, year by year.</summary>
    public static IReadOnlyList<YearTotals> Of(SimulationResult r)
    {
        var list = new List<YearTotals>(r.Years.Length);
        int cumulative = 0;
        for (int k = 0; k < r.Years.Length; k++)
        {
            cumulative += r.RenovatedByYear[k];
            int kk = k;
            var energy = r.CarrierNames.Select((c, ci) => (IO.RunTables.Snake(c), r.FinalEnergyKWhByYear[ci][kk])).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
            list.Add(new YearTotals(r.Years[k], r.RenovatedByYear[k], cumulative, r.InvestmentEurByYear[k], r.SubsidyEurByYear[k], r.Co2Kg[k], r.Co2BaselineKg[k], r.EnergyCostEurByYear[k], r.EnergyCostBaselineEurByYear[k], energy));
        }

        return list;
    }
}

/// <summary>A neighbourhood's totals over the run's simulated buildings (money EUR, CO₂ kg/a in the start and end year).</summary>
public sealed record NeighbourhoodTotals(
    string Neighbourhood,
    int BuildingsSimulated,
    int BuildingsRenovated,
    double HeatedFloorAreaM2,
    double InvestmentEur,
    double SubsidyEur,
    double Co2StartYearKg,
    double Co2EndYearKg)
{
    /// <summary>The name of the group of buildings outside every neighbourhood.</summary>
    public const string None = "(none)";

    /// <summary>Totals per neighbourhood (ordinal order of the names), summed in building order so they do not depend on threads.</summary>
    public static IReadOnlyList<NeighbourhoodTotals> Of(BuildingStock s, SimulationResult r) =>
        Enumerable.Range(0, s.Count).Where(i => r.Simulated[i])
            .GroupBy(i => s.NeighbourhoodIndex[i] >= 0 ? s.NeighbourhoodNames[s.NeighbourhoodIndex[i]] : None)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NeighbourhoodTotals(
                g.Key,
                g.Count(),
                g.Count(i => r.RenovationYear[i] != 0),
                g.Sum(i => s.HeatedFloorAreaM2[i]),
                g.Sum(i => r.InvestmentEur[i]),
                g.Sum(i => r.SubsidyEur[i]),
                g.Sum(i => r.Co2StartYearKg[i]),
                g.Sum(i => r.Co2EndYearKg[i])))
            .ToList();
}
