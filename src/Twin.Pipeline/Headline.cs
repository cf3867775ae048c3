using System.Globalization;
using Twin.Core.Schema;

namespace Twin.Pipeline;

/// <summary>
/// The headline indicators of one scenario run: renovations, investment and subsidy over the horizon, the stock's CO₂ by
/// year and the cut against the start year, and the cost per tonne of CO₂ avoided. Computed from the per-year totals
/// only, so a run in memory and the same run read back from its folder give the same numbers.
/// </summary>
public sealed record Headline
{
    /// <summary>The milestone years of comparisons (CO₂ cut by 2030, 2040, 2050).</summary>
    public static readonly IReadOnlyList<int> Milestones = [2030, 2040, 2050];

    /// <summary>Scenario name (the slug of its output folder).</summary>
    public required string Scenario { get; init; }

    /// <summary>Scenario title for tables and charts.</summary>
    public required string Title { get; init; }

    /// <summary>Buildings simulated.</summary>
    public required int Simulated { get; init; }

    /// <summary>Buildings renovated within the horizon.</summary>
    public required int Renovated { get; init; }

    /// <summary>Gross investment over the horizon [EUR] (undiscounted).</summary>
    public required double InvestmentEur { get; init; }

    /// <summary>Subsidies over the horizon [EUR] (undiscounted).</summary>
    public required double SubsidyEur { get; init; }

    /// <summary>The years of the horizon.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>CO₂ of the stock per year [kg/a].</summary>
    public required IReadOnlyList<double> Co2Kg { get; init; }

    /// <summary>CO₂ of the same stock without renovation, same factors [kg/a].</summary>
    public required IReadOnlyList<double> Co2NoRenovationKg { get; init; }

    /// <summary>Σ (baseline − scenario) CO₂ over the horizon [t].</summary>
    public required double AvoidedTonnes { get; init; }

    /// <summary>Σ (investment − energy-cost saving) × discount factor over the horizon [EUR] (discount rate of the scenario).</summary>
    public required double DiscountedNetCostEur { get; init; }

    /// <summary>
    /// Cost per tonne of CO₂ avoided [EUR/t]: <see cref="DiscountedNetCostEur"/> / <see cref="AvoidedTonnes"/>, against the
    /// same stock without renovation over the horizon; NaN when nothing is avoided. Negative: the savings outweigh the investment.
    /// </summary>
    public double EurPerTonneAvoided => AvoidedTonnes > 0 ? DiscountedNetCostEur / AvoidedTonnes : double.NaN;

    /// <summary>Reduction of the stock's annual CO₂ from the start year to <paramref name="year"/> [kg/a] (renovation and changing factors); NaN outside the horizon.</summary>
    public double Co2CutKg(int year)
    {
        int k = Years.ToList().IndexOf(year);
        return k < 0 ? double.NaN : Co2Kg[0] - Co2Kg[k];
    }

    /// <summary><see cref="Co2CutKg"/> as a share of the start year's CO₂ [-].</summary>
    public double Co2CutShare(int year) => Co2CutKg(year) / Co2Kg[0];

    /// <summary>The headline of a pathway: <paramref name="discountRate"/> is the scenario's real discount rate [-/a].</summary>
    public static Headline From(string scenario, string title, int simulated, int renovated, double discountRate, IReadOnlyList<YearTotals> years)
    {
        double discounted = 0, avoidedT = 0;
        int start = years[0].Year;
        foreach (YearTotals y in years)
        {
            double df = Math.Pow(1 + discountRate, -(y.Year - start));
            discounted += (y.InvestmentEur - (y.EnergyCostNoRenovationEur - y.EnergyCostEur)) * df;
            avoidedT += (y.Co2NoRenovationKg - y.Co2Kg) / 1000.0;
        }

        return new Headline
        {
            Scenario = scenario,
            Title = title,
            Simulated = simulated,
            Renovated = renovated,
            InvestmentEur = years.Sum(y => y.InvestmentEur),
            SubsidyEur = years.Sum(y => y.SubsidyEur),
            Years = years.Select(y => y.Year).ToArray(),
            Co2Kg = years.Select(y => y.Co2Kg).ToArray(),
            Co2NoRenovationKg = years.Select(y => y.Co2NoRenovationKg).ToArray(),
            AvoidedTonnes = avoidedT,
            DiscountedNetCostEur = discounted,
        };
    }

    /// <summary>
    /// One line, every amount in a readable unit: "Business as usual (bau): 636 of 2,445 buildings renovated by 2050; investment
    /// 45.4 M EUR, subsidy 0 EUR; CO₂ 470 kt/a (2025) → 360 kt/a (2050); cut by 2030 18.6 kt/a (4 %), …; -95 EUR per tonne avoided".
    /// </summary>
    public override string ToString()
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        int last = Years.Count - 1;
        string cuts = string.Join(", ", Milestones.Where(m => Years.Contains(m)).Select(m => string.Create(ci, $"{m} {Units.Readable(Co2CutKg(m), "kg/a")} ({Co2CutShare(m) * 100:0} %)")));
        string perTonne = double.IsFinite(EurPerTonneAvoided) ? string.Create(ci, $"{EurPerTonneAvoided:0} EUR per tonne avoided") : "no CO₂ avoided";
        return string.Create(ci, $"{Title} ({Scenario}): {Renovated:N0} of {Simulated:N0} buildings renovated by {Years[last]}; investment {Units.Readable(InvestmentEur, "EUR")}, subsidy {Units.Readable(SubsidyEur, "EUR")}; CO₂ {Units.Readable(Co2Kg[0], "kg/a")} ({Years[0]}) → {Units.Readable(Co2Kg[last], "kg/a")} ({Years[last]}); cut by {(cuts.Length > 0 ? cuts : "–")}; {perTonne}");
    }
}
