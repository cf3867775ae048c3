using Twin.Core.Typologies;
using Twin.Sim.Physics;
using Twin.Sim.Renovation;

namespace Twin.Sim.Engine;

/// <summary>
/// Per TABULA type: the reference building (boundary conditions), its envelope in the existing state and in the
/// usual/advanced variants, door share, hot-water need, and the share of its window area that TABULA's orientation
/// columns assign to a façade (<see cref="SolarWindowShare"/>).
/// </summary>
internal sealed record TypeModel(TabulaBuilding Reference, EnvelopeSpec Existing, EnvelopeSpec? Usual, EnvelopeSpec? Advanced, double DoorAreaPerM2Ref, double HotWaterKWhPerM2)
{
    /// <summary>
    /// Σ A_Calc_Window_{Hor,E,S,W,N} / (A_Calc_Window_1 + A_Calc_Window_2): the share of the window area that receives solar
    /// gains in TABULA's calculation, which takes transmission from the window areas and solar gains from the orientation
    /// columns. 1 for 25 of the 26 Polish types; 0.75 for PL.N.MFH.02 (415 of 553 m² oriented). Applying it keeps every
    /// building of a type, and the advisor's scaled reference building, on TABULA's published q_h_nd.
    /// </summary>
    public double SolarWindowShare { get; init; } = 1.0;

    /// <summary>TABULA's variant numbers of the usual and the advanced refurbishment (Number_BuildingVariant 002 / 003).</summary>
    public const int UsualVariant = 2, AdvancedVariant = 3;

    /// <summary>The TABULA variant number a package's envelope variant names ("usual", "advanced"); 0 for none.</summary>
    public static int VariantNumber(string? variant) => variant switch { "usual" => UsualVariant, "advanced" => AdvancedVariant, _ => 0 };

    /// <summary>The TABULA building code (key of per-typology calibration factors).</summary>
    public string Code { get; init; } = string.Empty;

    public static TypeModel[] Build(TypologyCatalog catalog, TabulaMeasureCatalog measures) => catalog.Types.Select(t =>
    {
        TabulaBuilding existing = TabulaBuilding.FromRow(t.Existing.Raw);
        EnvelopeSpec? Variant(int number)
        {
            TypologyVariant? v = t.Variants.FirstOrDefault(x => x.Number == number);
            return v is null ? null : EnvelopeSpec.From(TabulaRefurbishment.Apply(existing, v.Raw, measures).Building);
        }

        double door = existing.ReferenceAreaM2 > 0 ? existing.AreaM2[(int)TabulaElement.Door1] / existing.ReferenceAreaM2 : 0;

        double windows = existing.AreaM2[(int)TabulaElement.Window1] + existing.AreaM2[(int)TabulaElement.Window2];
        double oriented = existing.WindowAreaByOrientationM2.Sum();

        // TABULA boundary conditions: q_w_nd, energy need for domestic hot water per m² A_C_Ref (EU.SUH 10, EU.MUH 15 kWh/(m²a)).
        return new TypeModel(existing, EnvelopeSpec.From(existing), Variant(UsualVariant), Variant(AdvancedVariant), door, t.Existing.Get("q_w_nd"))
        {
            SolarWindowShare = windows > 0 && oriented > 0 ? Math.Min(1.0, oriented / windows) : 1.0,
            Code = t.Code,
        };
    }).ToArray();
}
