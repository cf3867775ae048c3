using NetTopologySuite.Geometries;
using Twin.Core.Spatial;
using Twin.Core.Stock;
using Twin.Core.Typologies;

namespace Twin.Pipeline.Advice;

/// <summary>
/// A one-building stock for the advisor: the TABULA reference building of a type scaled to the given heated floor area
/// (every envelope area × A / A_C_Ref), so a building known only by its type and size is simulated like a stock building.
/// Windows: the type's whole window area (A_Calc_Window_1 + _2, what its transmission uses, as in the stock path's window
/// share of the façade), split over N/E/S/W in the proportions of TABULA's orientation columns (horizontal counted as
/// south: footprints have no roof windows).
/// </summary>
public static class AdvisorBuilding
{
    /// <summary>The virtual building of type <paramref name="typologyIndex"/> with <paramref name="heatedFloorAreaM2"/>.</summary>
    /// <param name="catalog">The typology catalog.</param>
    /// <param name="typologyIndex">Index into <see cref="TypologyCatalog.Types"/>.</param>
    /// <param name="heatedFloorAreaM2">Heated (reference) floor area A_C_Ref [m²].</param>
    /// <param name="year">Construction year; null = the middle of the type's period (at most <paramref name="referenceYear"/>), flagged inferred.</param>
    /// <param name="referenceYear">The year the building is described in.</param>
    /// <param name="id">The building's id in the advice.</param>
    /// <param name="renewedYear">Per <see cref="EnvelopeElement"/>: 0 (as built), the renewal year or <see cref="BuildingStock.RenewedYearUnknown"/>; null = as built. Either way stated: the owner knows it.</param>
    public static BuildingStock Create(TypologyCatalog catalog, int typologyIndex, double heatedFloorAreaM2, int? year, int referenceYear, string id, int[]? renewedYear = null)
    {
        Typology t = catalog.Types[typologyIndex];
        TypologyVariant v = t.Existing;
        double scale = heatedFloorAreaM2 / t.ReferenceFloorAreaM2;
        double Sum(params string[] columns) => columns.Sum(v.Get) * scale;
        double ground = Sum("A_Calc_Floor_1", "A_Calc_Floor_2");
        double side = Math.Sqrt(Math.Max(ground, 1.0));
        Geometry square = new GeometryFactory().ToGeometry(new Envelope(0, side, 0, side));
        int storeys = Math.Max(1, t.Storeys);
        double windows = Sum("A_Calc_Window_1", "A_Calc_Window_2");
        double[] byOrientation = [v.Get("A_Calc_Window_North"), v.Get("A_Calc_Window_East"), v.Get("A_Calc_Window_South") + v.Get("A_Calc_Window_Horizontal"), v.Get("A_Calc_Window_West")];
        double oriented = byOrientation.Sum();
        double Share(int o) => oriented > 0 ? byOrientation[o] / oriented : 0.25;
        AttributeSource inferred = AttributeSource.Inferred;
        int midpoint = Math.Clamp((t.YearFrom + Math.Min(t.YearTo, referenceYear)) / 2, 1800, referenceYear);
        return new BuildingStock
        {
            Crs = CoordinateReferenceSystem.Poland1992,
            Ids = [id],
            SourceRows = [0],
            Footprints = [square],
            FootprintAreaM2 = [ground],
            PerimeterM = [4 * side],
            PartyWallLengthM = [0],
            ExposedWallLengthM = [4 * side],
            ExposedWallNorthM = [side],
            ExposedWallEastM = [side],
            ExposedWallSouthM = [side],
            ExposedWallWestM = [side],
            HeightM = [storeys * 3.0],
            HeightSource = [inferred],
            Storeys = [storeys],
            StoreysSource = [inferred],
            ConstructionYear = [year ?? midpoint],
            ConstructionYearSource = [year is null ? inferred : AttributeSource.Observed],
            ConstructionYearRule = [year is null ? "typology-period-midpoint" : null],
            UseCode = ["residential"],
            Use = [BuildingUse.Residential],
            Dwellings = [(int)Math.Round(v.Get("n_Apartment"))],
            SizeClass = [t.SizeClass],
            SizeClassSource = [AttributeSource.Observed],
            Country = [t.Country],
            CountrySource = [AttributeSource.Observed],
            TypologyIndex = [typologyIndex],
            GrossFloorAreaM2 = [heatedFloorAreaM2 / (double.IsFinite(t.ReferenceToGrossAreaRatio) ? t.ReferenceToGrossAreaRatio : 0.85)],
            HeatedFloorAreaM2 = [heatedFloorAreaM2],
            WallAreaM2 = [Sum("A_Calc_Wall_1", "A_Calc_Wall_2", "A_Calc_Wall_3", "A_Calc_Door_1")],
            RoofAreaM2 = [Sum("A_Calc_Roof_1", "A_Calc_Roof_2")],
            GroundFloorAreaM2 = [ground],
            WindowNorthM2 = [windows * Share(0)],
            WindowEastM2 = [windows * Share(1)],
            WindowSouthM2 = [windows * Share(2)],
            WindowWestM2 = [windows * Share(3)],
            NeighbourhoodIndex = [-1],
            NeighbourhoodNames = [],
            RenewedYear = Enum.GetValues<EnvelopeElement>().Select(e => new[] { renewedYear?[(int)e] ?? 0 }).ToArray(),
            RenewalSource = [AttributeSource.Observed],
        };
    }
}
