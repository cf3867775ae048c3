using Twin.Core.Typologies;
using Twin.Sim.Physics;
using Twin.Sim.Renovation;

namespace Twin.Sim.Verification;

/// <summary>One verified row: the TABULA code, the published q_h_nd and ours [kWh/(m²·a)].</summary>
public sealed record VerificationRow(string Code, double PublishedKWhPerM2, double ComputedKWhPerM2)
{
    /// <summary>(computed − published) / published [%]; NaN when nothing was published.</summary>
    public double DeviationPercent => PublishedKWhPerM2 != 0 ? (ComputedKWhPerM2 - PublishedKWhPerM2) / PublishedKWhPerM2 * 100.0 : double.NaN;
}

/// <summary>Summary over verified rows: count, rows within the tolerance, max and mean |deviation|.</summary>
public sealed record VerificationSummary(int Rows, int WithinTolerance, double TolerancePercent, double MaxAbsDeviationPercent, double MeanAbsDeviationPercent)
{
    /// <summary>How many rows are within <paramref name="tolerancePercent"/>, and the largest and mean deviations.</summary>
    public static VerificationSummary Of(IReadOnlyList<VerificationRow> rows, double tolerancePercent)
    {
        double[] dev = rows.Select(r => Math.Abs(r.DeviationPercent)).Where(double.IsFinite).ToArray();
        return new VerificationSummary(rows.Count, dev.Count(d => d <= tolerancePercent), tolerancePercent, dev.Length == 0 ? double.NaN : dev.Max(), dev.Length == 0 ? double.NaN : dev.Average());
    }

    /// <summary>"rows N, within X %: M, max |dev| …, mean |dev| …".</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"rows {Rows}, within {TolerancePercent:0.#} %: {WithinTolerance}, max |dev| {Percent(MaxAbsDeviationPercent)} %, mean |dev| {Percent(MeanAbsDeviationPercent)} %");

    /// <summary>Four decimals, or scientific notation for round-off-sized deviations so they do not print as a suspicious "0".</summary>
    private static string Percent(double p) => p is > 0 and < 1e-4
        ? p.ToString("0.##E+0", System.Globalization.CultureInfo.InvariantCulture)
        : p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Recomputes TABULA's energy need for heating from each row's inputs and compares it with the published value.</summary>
public static class TabulaVerification
{
    /// <summary>Recomputes q_h_nd of every TABULA row from its inputs and compares it with the published value.</summary>
    public static IReadOnlyList<VerificationRow> Verify(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        rows.Select(row =>
        {
            TabulaBuilding b = TabulaBuilding.FromRow(row);
            double published = row.TryGetValue("q_h_nd", out string? s) && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
            return new VerificationRow(b.Code, published, b.HeatNeed().HeatNeedKWhPerM2);
        }).ToList();

    /// <summary>
    /// Applies each refurbishment variant's measures to its building's existing state (joined by Code_Building)
    /// and compares the resulting q_h_nd with the variant's published value. Existing-state rows of the
    /// variants file are verified as they are.
    /// </summary>
    public static IReadOnlyList<VerificationRow> VerifyVariants(IEnumerable<IReadOnlyDictionary<string, string>> existingRows, IEnumerable<IReadOnlyDictionary<string, string>> variantRows, TabulaMeasureCatalog measures)
    {
        var existing = existingRows.ToDictionary(r => r["Code_Building"], r => r, StringComparer.Ordinal);
        var result = new List<VerificationRow>();
        foreach (IReadOnlyDictionary<string, string> v in variantRows)
        {
            string building = v["Code_Building"];
            if (!existing.TryGetValue(building, out IReadOnlyDictionary<string, string>? baseRow))
            {
                throw new InvalidDataException($"variant {v["Code_BuildingVariant"]}: building {building} has no existing-state row.");
            }

            TabulaBuilding b = TabulaBuilding.FromRow(baseRow);
            (TabulaBuilding refurbished, _) = TabulaRefurbishment.Apply(b, v, measures);
            double published = double.Parse(v["q_h_nd"], System.Globalization.CultureInfo.InvariantCulture);
            result.Add(new VerificationRow(v["Code_BuildingVariant"], published, refurbished.HeatNeed().HeatNeedKWhPerM2));
        }

        return result;
    }
}
