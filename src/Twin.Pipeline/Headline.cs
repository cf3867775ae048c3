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

    /// <summary>The same tonnes discounted at the scenario's rate, as money is [t]: Σ (baseline − scenario) CO₂ × discount factor.</summary>
    public required double DiscountedAvoidedTonnes { get; init; }

    /// <summary>
    /// The discounted resource cost of the scenario against no renovation over the horizon [EUR], EN 15459-1:2017 §6 global-cost
    /// difference without subsidies (a transfer): Σ [(investment − anyway) + Δ maintenance + Δ replacements − energy-cost savings] ×
    /// discount factor − Δ residual value discounted from the end of the horizon.
    /// </summary>
    public required double DiscountedNetCostEur { get; init; }

    /// <summary>
    /// Levelised CO₂ abatement cost [EUR/t]: <see cref="DiscountedNetCostEur"/> / <see cref="DiscountedAvoidedTonnes"/> — tonnes
    /// discounted like money, so it is the constant CO₂ price that would make the scenario break even; NaN when nothing is avoided.
    /// Negative: the savings outweigh the costs.
    /// </summary>
    public double EurPerTonneAvoided => DiscountedAvoidedTonnes > 0 ? DiscountedNetCostEur / DiscountedAvoidedTonnes : double.NaN;

    /// <summary>How <see cref="EurPerTonneAvoided"/> is computed, for reports.</summary>
    public const string AbatementMethod = "levelised abatement cost: discounted costs (energy-related investment, maintenance, replacements, residual value, minus energy-cost savings; EN 15459-1, no subsidies) over discounted tonnes avoided, against the same stock without renovation";

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
        double discounted = 0, avoidedT = 0, discountedT = 0;
        int start = years[0].Year;
        foreach (YearTotals y in years)
        {
            double df = Math.Pow(1 + discountRate, -(y.Year - start));
            LifeCycleCosts c = y.Costs;
            double other = (c.MaintenanceEur - c.MaintenanceNoRenovationEur) + (c.ReplacementEur - c.ReplacementNoRenovationEur);
            discounted += (y.InvestmentEur - c.AnywayEur + other - (y.EnergyCostNoRenovationEur - y.EnergyCostEur)) * df;
            discounted -= (c.ResidualValueEur - c.ResidualValueNoRenovationEur) * df / (1 + discountRate); // valued at the end of the year
            avoidedT += (y.Co2NoRenovationKg - y.Co2Kg) / 1000.0;
            discountedT += (y.Co2NoRenovationKg - y.Co2Kg) / 1000.0 * df;
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
            DiscountedAvoidedTonnes = discountedT,
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
        string perTonne = double.IsFinite(EurPerTonneAvoided) ? string.Create(ci, $"{EurPerTonneAvoided:0} EUR per tonne avoided (levelised)") : "no CO₂ avoided";
        return string.Create(ci, $"{Title} ({Scenario}): {Renovated:N0} of {Simulated:N0} buildings renovated by {Years[last]}; investment {Units.Readable(InvestmentEur, "EUR")}, subsidy {Units.Readable(SubsidyEur, "EUR")}; CO₂ {Units.Readable(Co2Kg[0], "kg/a")} ({Years[0]}) → {Units.Readable(Co2Kg[last], "kg/a")} ({Years[last]}); cut by {(cuts.Length > 0 ? cuts : "–")}; {perTonne}");
    }
}
