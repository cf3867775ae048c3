using Twin.Core.Stock;
using Twin.Sim.Engine;

namespace Twin.Pipeline;

/// <summary>
/// The life-cycle costs of one year besides investment and energy (EN 15459-1:2017 §6), for the stock as renovated and
/// without renovation [EUR]: the anyway (not energy-related) part of the year's investment, maintenance, replacements of
/// components at the end of their life, and — in the last year of the horizon only — the residual value of all components.
/// </summary>
public sealed record LifeCycleCosts(double AnywayEur, double MaintenanceEur, double MaintenanceNoRenovationEur, double ReplacementEur, double ReplacementNoRenovationEur, double ResidualValueEur, double ResidualValueNoRenovationEur)
{
    /// <summary>No such costs.</summary>
    public static LifeCycleCosts None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}

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
    LifeCycleCosts Costs,
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
            bool last = k == r.Years.Length - 1;
            var costs = new LifeCycleCosts(r.AnywayEurByYear[k], r.MaintenanceEurByYear[k], r.MaintenanceBaselineEurByYear[k], r.ReplacementEurByYear[k], r.ReplacementBaselineEurByYear[k], last ? r.ResidualValueEur : 0, last ? r.ResidualValueBaselineEur : 0);
            list.Add(new YearTotals(r.Years[k], r.RenovatedByYear[k], cumulative, r.InvestmentEurByYear[k], r.SubsidyEurByYear[k], r.Co2Kg[k], r.Co2BaselineKg[k], r.EnergyCostEurByYear[k], r.EnergyCostBaselineEurByYear[k], costs, energy));
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
