using Twin.Core.Stock;

namespace Twin.Core.Typologies;

/// <summary>
/// One variant of a TABULA building type (existing state = 1, "usual" refurbishment = 2, "advanced" = 3,
/// TABULA variant numbering). <see cref="Raw"/> keeps every column of the TABULA calculator export
/// under its TABULA name (e.g. "U_Actual_Wall_1", "A_Calc_Window_South", "q_h_nd"), so the engine can
/// reproduce the TABULA calculation from the row's own inputs.
/// </summary>
public sealed record TypologyVariant(
    string Code,
    int Number,
    string Name,
    double PublishedHeatNeedKWhPerM2,
    IReadOnlyDictionary<string, string> Raw)
{
    /// <summary>A numeric TABULA column of this variant; 0 where empty or not numeric (TABULA's own convention for absent elements).</summary>
    public double Get(string column) =>
        Raw.TryGetValue(column, out string? s) && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : 0.0;

    /// <summary>The text of a column of the row (empty when absent).</summary>
    public string Text(string column) => Raw.TryGetValue(column, out string? s) ? s : string.Empty;
}

/// <summary>
/// A TABULA building type ("PL.N.MFH.02.Gen.ReEx.001"): country, size class, construction period and
/// the reference building's geometry, with its variants. Ratios are taken from the reference building
/// (TABULA calculator export columns named in each property's comment).
/// </summary>
public sealed record Typology(
    string Code,
    string TypeCode,
    string Country,
    string Region,
    SizeClass SizeClass,
    int YearFrom,
    int YearTo,
    double ReferenceFloorAreaM2,
    double GrossFloorAreaM2,
    int Storeys,
    double WindowToFacadeRatio,
    IReadOnlyList<TypologyVariant> Variants)
{
    /// <summary>
    /// A_C_Ref / A_C_ExtDim of the reference building: TABULA reference (conditioned) floor area per m² of
    /// gross floor area by external dimensions. 0.85 for every Polish type.
    /// </summary>
    public double ReferenceToGrossAreaRatio => GrossFloorAreaM2 > 0 ? ReferenceFloorAreaM2 / GrossFloorAreaM2 : double.NaN;

    /// <summary>The existing (unrefurbished) state.</summary>
    public TypologyVariant Existing => Variants[0];

    /// <summary>True when <paramref name="year"/> lies in the type's construction period.</summary>
    public bool Covers(int year) => year >= YearFrom && year <= YearTo;

    /// <summary>Short label for tables: "PL MFH.02 (1946–1966)".</summary>
    public string Label
    {
        get
        {
            string[] parts = TypeCode.Split('.');
            string period = parts.Length > 3 ? parts[3] : "?";
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            string years = YearFrom <= 0 ? $"≤{YearTo.ToString(ci)}" : YearTo >= 9999 ? $"≥{YearFrom.ToString(ci)}" : $"{YearFrom.ToString(ci)}–{YearTo.ToString(ci)}";
            return $"{Country} {SizeClass}.{period} ({years})";
        }
    }
}
