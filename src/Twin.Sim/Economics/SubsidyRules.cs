using System.Globalization;
using Twin.Core.Stock;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Economics;

/// <summary>What one programme gives one renovation, or why it gives nothing.</summary>
/// <param name="Programme">The programme's name.</param>
/// <param name="AmountEur">The support [EUR]; 0 when it does not apply.</param>
/// <param name="Reason">How the amount follows from the rules, or why the programme does not apply.</param>
/// <param name="Illustrative">True when the programme's parameters are not a real programme's rules.</param>
public sealed record SubsidyLine(string Programme, double AmountEur, string Reason, bool Illustrative);

/// <summary>
/// The support programmes of a scenario applied to one renovation: grants first (a share of the investment, capped per
/// building and per m²), then tax reliefs on what the grants left (grant-funded costs cannot be deducted); in total at most
/// the investment. Each programme's line says how its amount follows or why it does not apply.
/// </summary>
public static class SubsidyRules
{
    /// <summary>The lines of every programme, in the scenario's order, for a renovation with package <paramref name="packageId"/>.</summary>
    public static IReadOnlyList<SubsidyLine> Apply(IReadOnlyList<SubsidyProgramme> programmes, string packageId, SizeClass size, int year, double investmentEur, double heatedFloorAreaM2)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        double[] amounts = new double[programmes.Count];
        Compute(programmes, packageId, size, year, investmentEur, heatedFloorAreaM2, amounts);
        return programmes.Select((p, k) => new SubsidyLine(p.Name, amounts[k], Refusal(p, packageId, size, year) ?? (p.Kind == SubsidyKind.TaxRelief
            ? string.Create(ci, $"{p.TaxRate:P0} of a deduction of the cost not covered by grants, up to the cap × {p.Taxpayers} taxpayer(s)")
            : string.Create(ci, $"{p.Share:P0} of the investment{(amounts[k] < (p.Share * investmentEur) - 1e-9 ? ", capped" : string.Empty)}")), p.Illustrative)).ToList();
    }

    /// <summary>The total support [EUR] (as <see cref="Apply"/>, without allocating: the engine calls it for every renovation).</summary>
    public static double Total(IReadOnlyList<SubsidyProgramme> programmes, string packageId, SizeClass size, int year, double investmentEur, double heatedFloorAreaM2)
    {
        Span<double> amounts = programmes.Count <= 16 ? stackalloc double[programmes.Count] : new double[programmes.Count];
        return Compute(programmes, packageId, size, year, investmentEur, heatedFloorAreaM2, amounts);
    }

    private static double Compute(IReadOnlyList<SubsidyProgramme> programmes, string packageId, SizeClass size, int year, double investmentEur, double heatedFloorAreaM2, Span<double> amounts)
    {
        double total = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            SubsidyKind kind = pass == 0 ? SubsidyKind.Grant : SubsidyKind.TaxRelief;
            for (int k = 0; k < programmes.Count; k++)
            {
                SubsidyProgramme p = programmes[k];
                if (p.Kind != kind || !Applies(p, packageId, size, year))
                {
                    continue;
                }

                double amount = kind == SubsidyKind.Grant
                    ? Math.Min(p.Share * investmentEur, Math.Min(p.CapPerBuildingEur ?? double.PositiveInfinity, (p.CapPerM2Eur ?? double.PositiveInfinity) * heatedFloorAreaM2))
                    : Math.Max(0, Math.Min(investmentEur - total, (p.CapPerTaxpayerEur ?? 0) * p.Taxpayers)) * p.TaxRate;
                amounts[k] = Math.Min(amount, investmentEur - total);
                total += amounts[k];
            }
        }

        return total;
    }

    /// <summary>The first eligibility condition a renovation fails, or <see cref="Condition.None"/> (no allocation: the engine asks per renovation).</summary>
    private static Condition Fails(SubsidyProgramme p, string packageId, SizeClass size, int year) =>
        p.Packages.Count > 0 && !p.Packages.Contains(packageId) ? Condition.Package
        : p.SizeClasses.Count > 0 && !p.SizeClasses.Contains(SizeNames[(int)size]) ? Condition.SizeClass
        : p.FromYear is int from && year < from ? Condition.NotYet
        : p.ToYear is int to && year > to ? Condition.Ended
        : Condition.None;

    private static bool Applies(SubsidyProgramme p, string packageId, SizeClass size, int year) => Fails(p, packageId, size, year) == Condition.None;

    private static readonly string[] SizeNames = Enum.GetValues<SizeClass>().Select(c => c.ToString()).ToArray();

    private static string? Refusal(SubsidyProgramme p, string packageId, SizeClass size, int year) => Fails(p, packageId, size, year) switch
    {
        Condition.Package => $"does not fund the package {packageId}",
        Condition.SizeClass => $"only for {string.Join(", ", p.SizeClasses)}, not {size}",
        Condition.NotYet => string.Create(CultureInfo.InvariantCulture, $"starts in {p.FromYear}"),
        Condition.Ended => string.Create(CultureInfo.InvariantCulture, $"ended in {p.ToYear}"),
        _ => null,
    };

    private enum Condition
    {
        None,
        Package,
        SizeClass,
        NotYet,
        Ended,
    }
}
