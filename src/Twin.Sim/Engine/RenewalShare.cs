using Twin.Core.Stock;

namespace Twin.Sim.Engine;

/// <summary>
/// Default share of the buildings of one size class and construction period whose walls, roof, floor were insulated and
/// windows replaced since construction (data/samples/defaults/renewal_shares.csv, each row sourced): used for buildings whose
/// stock states no renewal, per element by a stable draw, so the stock's totals follow the shares.
/// </summary>
public sealed record RenewalShare(SizeClass SizeClass, int YearFrom, int YearTo, double Wall, double Roof, double Floor, double Windows, string Source)
{
    /// <summary>The share of element <paramref name="e"/> [0–1].</summary>
    public double Of(EnvelopeElement e) => e switch
    {
        EnvelopeElement.Wall => Wall,
        EnvelopeElement.Roof => Roof,
        EnvelopeElement.Floor => Floor,
        _ => Windows,
    };

    /// <summary>The first row for this size class whose period holds <paramref name="year"/>; null if none (the building stays as built).</summary>
    public static RenewalShare? Find(IReadOnlyList<RenewalShare> shares, SizeClass size, int year)
    {
        foreach (RenewalShare r in shares)
        {
            if (r.SizeClass == size && year >= r.YearFrom && year <= r.YearTo)
            {
                return r;
            }
        }

        return null;
    }
}

/// <summary>The largest EP a new building may have [kWh/(m²·a)], from a date, with its source (data/samples/defaults/ep_limits.csv).</summary>
public sealed record EpLimit(double MaxKWhPerM2, DateOnly From, string Source);
