using System.Globalization;
using Twin.Core.Stock;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Sim.Economics;

/// <summary>What one programme gives one renovation, or why it gives nothing.</summary>
/// <param name="Programme">The programme's name.</param>
/// <param name="AmountEur">The support [EUR]; 0 when it does not apply.</param>
/// <param name="Reason">How the amount follows from the rules, or why the programme does not apply.</param>
/// <param name="Illustrative">True when the programme's parameters are not a real programme's rules.</param>
public sealed record SubsidyLine(string Programme, double AmountEur, string Reason, bool Illustrative);

/// <summary>One renovation as the programmes see it: the package, the building, the costs by item and what the renovation achieves.</summary>
/// <param name="PackageId">The package applied.</param>
/// <param name="Size">The building's size class.</param>
/// <param name="Year">The renovation year.</param>
/// <param name="Cost">The investment by item.</param>
/// <param name="HeatedFloorAreaM2">Heated floor area [m²].</param>
/// <param name="HeatingAfter">The heat generator after the renovation.</param>
/// <param name="PvKwp">PV installed by the package [kWp].</param>
/// <param name="DemandSavingsShare">Reduction of the standard-use final energy demand [-] (what an energy audit compares).</param>
/// <param name="HeatingOnly">True when the package changes only the heating system.</param>
public readonly record struct SubsidyCase(string PackageId, SizeClass Size, int Year, PackageCost Cost, double HeatedFloorAreaM2, HeatingSystem HeatingAfter, double PvKwp, double DemandSavingsShare, bool HeatingOnly);

/// <summary>
/// The support programmes of a scenario applied to one renovation: grants first (a share — by income tier where the
/// programme has tiers, higher with PV where it says so — of the eligible cost: the whole investment, or the listed items
/// each up to its cap; then capped per building, per m² and per tier), then tax reliefs on what the grants left (grant-funded
/// costs cannot be deducted); in total at most the investment. Conditions (package, size class, years, no coal boiler left,
/// least demand reduction, storage) are checked first. Each programme's line says how its amount follows or why it does not apply.
/// </summary>
public static class SubsidyRules
{
    /// <summary>The lines of every programme, in the scenario's order.</summary>
    public static IReadOnlyList<SubsidyLine> Apply(IReadOnlyList<SubsidyProgramme> programmes, in SubsidyCase c)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        double[] amounts = new double[programmes.Count];
        Compute(programmes, c, amounts);
        var lines = new List<SubsidyLine>(programmes.Count);
        for (int k = 0; k < programmes.Count; k++)
        {
            SubsidyProgramme p = programmes[k];
            string reason = Refusal(p, c) ?? (p.Kind == SubsidyKind.TaxRelief
                ? string.Create(ci, $"{p.TaxRate:P0} of a deduction of the cost not covered by grants, up to the cap × {p.Taxpayers} taxpayer(s)")
                : Describe(p, c, amounts[k]));
            lines.Add(new SubsidyLine(p.Name, amounts[k], reason, p.Illustrative));
        }

        return lines;
    }

    /// <summary>The total support [EUR] (as <see cref="Apply"/>, without allocating: the engine calls it for every renovation).</summary>
    public static double Total(IReadOnlyList<SubsidyProgramme> programmes, in SubsidyCase c)
    {
        Span<double> amounts = programmes.Count <= 16 ? stackalloc double[programmes.Count] : new double[programmes.Count];
        return Compute(programmes, c, amounts);
    }

    /// <summary>The share of the eligible cost the programme pays for this renovation.</summary>
    public static double ShareOf(SubsidyProgramme p, in SubsidyCase c)
    {
        if (p.ShareByTier.Count > 0)
        {
            return p.Tier is string t && p.ShareByTier.TryGetValue(t, out double s) ? s : 0;
        }

        bool single = c.Size is SizeClass.SFH or SizeClass.TH;
        return p.ShareWithPv is double withPv && c.PvKwp > 0 && c.PvKwp >= (single ? p.PvMinKwpSingleFamily : p.PvMinKwpOther) ? withPv : p.Share;
    }

    /// <summary>The cost the programme counts [EUR]: the investment, or Σ over the listed items of min(item cost, its cap).</summary>
    public static double EligibleCost(SubsidyProgramme p, in SubsidyCase c)
    {
        PackageCost k = c.Cost;
        if (p.ItemCapsEur.Count == 0)
        {
            return k.TotalEur;
        }

        double Item(string key, double cost, double units = 1) => cost <= 0 || !p.ItemCapsEur.TryGetValue(key, out double? cap) ? 0 : Math.Min(cost, cap is double x ? x * units : double.PositiveInfinity);
        double pv = p.RequiresStorage ? 0 : Item("pv", k.PvEur);
        return Item("insulation-per-m2", k.EnvelopeEur, k.InsulatedAreaM2) + Item("windows-per-m2", k.WindowsEur, k.WindowAreaM2) + Item("ventilation", k.VentilationEur)
            + Item(ScenarioValidator.KebabName(c.HeatingAfter), k.HeatingEur) + pv;
    }

    private static double Compute(IReadOnlyList<SubsidyProgramme> programmes, in SubsidyCase c, Span<double> amounts)
    {
        double total = 0, investment = c.Cost.TotalEur;
        for (int pass = 0; pass < 2; pass++)
        {
            SubsidyKind kind = pass == 0 ? SubsidyKind.Grant : SubsidyKind.TaxRelief;
            for (int k = 0; k < programmes.Count; k++)
            {
                SubsidyProgramme p = programmes[k];
                if (p.Kind != kind || Fails(p, c, out double eligible) != Condition.None)
                {
                    continue;
                }

                double amount = kind == SubsidyKind.Grant
                    ? Math.Min(ShareOf(p, c) * eligible, Caps(p, c))
                    : Math.Max(0, Math.Min(investment - total, (p.CapPerTaxpayerEur ?? 0) * p.Taxpayers)) * p.TaxRate;
                amounts[k] = Math.Min(amount, investment - total);
                total += amounts[k];
            }
        }

        return total;
    }

    /// <summary>The smallest of the per-building, per-m² and per-tier caps [EUR].</summary>
    private static double Caps(SubsidyProgramme p, in SubsidyCase c)
    {
        double cap = Math.Min(p.CapPerBuildingEur ?? double.PositiveInfinity, (p.CapPerM2Eur ?? double.PositiveInfinity) * c.HeatedFloorAreaM2);
        return p.Tier is string t && p.CapByTierEur.TryGetValue(t, out double byTier) ? Math.Min(cap, byTier) : cap;
    }

    /// <summary>
    /// The first eligibility condition a renovation fails, or <see cref="Condition.None"/> (no allocation: the engine asks per
    /// renovation); <paramref name="eligible"/> is a grant's eligible cost once the other conditions hold (0 otherwise).
    /// </summary>
    private static Condition Fails(SubsidyProgramme p, in SubsidyCase c, out double eligible)
    {
        eligible = 0;
        if (p.Packages.Count > 0 && !p.Packages.Contains(c.PackageId))
        {
            return Condition.Package;
        }

        if (p.SizeClasses.Count > 0 && !p.SizeClasses.Contains(SizeNames[(int)c.Size]))
        {
            return Condition.SizeClass;
        }

        if (p.FromYear is int from && c.Year < from)
        {
            return Condition.NotYet;
        }

        if (p.ToYear is int to && c.Year > to)
        {
            return Condition.Ended;
        }

        if (p.NoSolidFuelAfter && c.HeatingAfter == HeatingSystem.CoalBoiler)
        {
            return Condition.SolidFuel;
        }

        if (MinSavings(p, c) is double m && c.DemandSavingsShare < m)
        {
            return Condition.Savings;
        }

        if (p.Kind != SubsidyKind.Grant)
        {
            return Condition.None;
        }

        eligible = EligibleCost(p, c);
        return eligible <= 0 ? Condition.NothingEligible : Condition.None;
    }

    /// <summary>The least demand reduction the programme requires of this renovation (the heating-only threshold where only the heating changes); null = none.</summary>
    private static double? MinSavings(SubsidyProgramme p, in SubsidyCase c) => c.HeatingOnly ? p.MinSavingsShareHeatingOnly ?? p.MinSavingsShare : p.MinSavingsShare;

    private static readonly string[] SizeNames = Enum.GetValues<SizeClass>().Select(c => c.ToString()).ToArray();

    private static string? Refusal(SubsidyProgramme p, in SubsidyCase c)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        return Fails(p, c, out _) switch
        {
            Condition.Package => $"does not fund the package {c.PackageId}",
            Condition.SizeClass => $"only for {string.Join(", ", p.SizeClasses)}, not {c.Size}",
            Condition.NotYet => string.Create(ci, $"starts in {p.FromYear}"),
            Condition.Ended => string.Create(ci, $"ended in {p.ToYear}"),
            Condition.SolidFuel => "a coal boiler would remain: the programme requires replacing non-compliant solid-fuel heat sources",
            Condition.Savings => string.Create(ci, $"the package cuts the energy demand by {c.DemandSavingsShare:P0}; the programme requires at least {MinSavings(p, c):P0}"),
            Condition.NothingEligible => p.RequiresStorage && c.Cost.PvEur > 0
                ? "funds PV only together with an energy storage, which the package does not include"
                : $"funds none of the package's items (it funds {string.Join(", ", p.ItemCapsEur.Keys)})",
            _ => null,
        };
    }

    private static string Describe(SubsidyProgramme p, in SubsidyCase c, double amount)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        double share = ShareOf(p, c), eligible = EligibleCost(p, c);
        string of = p.ItemCapsEur.Count == 0 ? "the investment" : string.Create(ci, $"the eligible cost ({eligible / c.Cost.TotalEur:P0} of the investment: capped items)");
        string tier = p.ShareByTier.Count > 0 ? $", income tier {p.Tier}" : string.Empty;
        string pv = p.ShareWithPv is double w && share == w && w != p.Share ? " (with PV)" : string.Empty;
        string capped = amount < (share * eligible) - 1e-9 ? ", capped" : string.Empty;
        return string.Create(ci, $"{share:P0}{pv} of {of}{tier}{capped}");
    }

    private enum Condition
    {
        None,
        Package,
        SizeClass,
        NotYet,
        Ended,
        SolidFuel,
        Savings,
        NothingEligible,
    }
}
