using Twin.Core.Typologies;
using Twin.Sim.Physics;
using Twin.Sim.Renovation;

namespace Twin.Sim.Engine;

/// <summary>Per TABULA type: the reference building (boundary conditions), its envelope in the existing state and in the usual/advanced variants, door share and hot-water need.</summary>
internal sealed record TypeModel(TabulaBuilding Reference, EnvelopeSpec Existing, EnvelopeSpec? Usual, EnvelopeSpec? Advanced, double DoorAreaPerM2Ref, double HotWaterKWhPerM2)
{
    public static TypeModel[] Build(TypologyCatalog catalog, TabulaMeasureCatalog measures) => catalog.Types.Select(t =>
    {
        TabulaBuilding existing = TabulaBuilding.FromRow(t.Existing.Raw);
        EnvelopeSpec? Variant(int number)
        {
            TypologyVariant? v = t.Variants.FirstOrDefault(x => x.Number == number);
            return v is null ? null : EnvelopeSpec.From(TabulaRefurbishment.Apply(existing, v.Raw, measures).Building);
        }

        double door = existing.ReferenceAreaM2 > 0 ? existing.AreaM2[(int)TabulaElement.Door1] / existing.ReferenceAreaM2 : 0;

        // TABULA boundary conditions: q_w_nd, energy need for domestic hot water per m² A_C_Ref (EU.SUH 10, EU.MUH 15 kWh/(m²a)).
        return new TypeModel(existing, EnvelopeSpec.From(existing), Variant(2), Variant(3), door, t.Existing.Get("q_w_nd"));
    }).ToArray();
}
