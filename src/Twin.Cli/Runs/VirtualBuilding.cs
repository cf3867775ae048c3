using NetTopologySuite.Geometries;
using Twin.Core.Spatial;
using Twin.Core.Stock;
using Twin.Core.Typologies;

namespace Twin.Cli.Runs;

/// <summary>
/// A one-building stock for the advisor: the TABULA reference building of a type scaled to the given heated
/// floor area (all envelope areas × A / A_C_Ref), so a building known only by its type and size can be simulated.
/// </summary>
internal static class VirtualBuilding
{
    public static BuildingStock Create(TypologyCatalog catalog, int typologyIndex, double heatedFloorAreaM2, int? year, string id)
    {
        Typology t = catalog.Types[typologyIndex];
        TypologyVariant v = t.Existing;
        double scale = heatedFloorAreaM2 / t.ReferenceFloorAreaM2;
        double Sum(params string[] columns) => columns.Sum(v.Get) * scale;
        double ground = Sum("A_Calc_Floor_1", "A_Calc_Floor_2");
        double side = Math.Sqrt(Math.Max(ground, 1.0));
        Geometry square = new GeometryFactory().ToGeometry(new Envelope(0, side, 0, side));
        int storeys = Math.Max(1, t.Storeys);
        AttributeSource inferred = AttributeSource.Inferred;
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
            ConstructionYear = [year ?? Math.Clamp((t.YearFrom + Math.Min(t.YearTo, DateTime.UtcNow.Year)) / 2, 1800, DateTime.UtcNow.Year)],
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
            WindowNorthM2 = [Sum("A_Calc_Window_North")],
            WindowEastM2 = [Sum("A_Calc_Window_East")],
            WindowSouthM2 = [Sum("A_Calc_Window_South", "A_Calc_Window_Horizontal")],
            WindowWestM2 = [Sum("A_Calc_Window_West")],
            NeighbourhoodIndex = [-1],
            NeighbourhoodNames = [],
        };
    }
}
