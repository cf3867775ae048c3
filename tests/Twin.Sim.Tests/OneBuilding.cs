using NetTopologySuite.Geometries;
using Twin.Core.Spatial;
using Twin.Core.Stock;

namespace Twin.Sim.Tests;

/// <summary>
/// Small hand-made stocks with round numbers for hand-checked tests: each building a 10 m × 10 m box with the given
/// heated floor area, opaque wall, roof, ground floor and window areas (windows all facing south), typed by a TABULA code;
/// as built (stated so) unless renewal years are given.
/// </summary>
internal static class OneBuilding
{
    public sealed record Spec(string Type, double AreaM2 = 100, double WallM2 = 100, double RoofM2 = 60, double FloorM2 = 60, double WindowSouthM2 = 15, int Year = 1930, SizeClass Size = SizeClass.SFH, string? Neighbourhood = null, string Id = "b", string? Heating = null, int WindowsRenewed = 0, int WallInsulated = 0, bool StateStated = true);

    public static BuildingStock Create(params Spec[] buildings)
    {
        int n = buildings.Length;
        T[] Col<T>(Func<Spec, T> f) => buildings.Select(f).ToArray();
        string[] hoods = buildings.Select(b => b.Neighbourhood).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var factory = new GeometryFactory();
        return new BuildingStock
        {
            Crs = CoordinateReferenceSystem.Poland1992,
            Ids = buildings.Select((b, i) => b.Id == "b" ? $"b{i}" : b.Id).ToArray(),
            SourceRows = Enumerable.Range(0, n).ToArray(),
            Footprints = Col<Geometry>(b => factory.ToGeometry(new Envelope(0, 10, 0, 10))),
            FootprintAreaM2 = Col(b => b.FloorM2),
            PerimeterM = Col(_ => 40.0),
            PartyWallLengthM = Col(_ => 0.0),
            ExposedWallLengthM = Col(_ => 40.0),
            ExposedWallNorthM = Col(_ => 10.0),
            ExposedWallEastM = Col(_ => 10.0),
            ExposedWallSouthM = Col(_ => 10.0),
            ExposedWallWestM = Col(_ => 10.0),
            HeightM = Col(_ => 6.0),
            HeightSource = Col(_ => AttributeSource.Observed),
            Storeys = Col(_ => 2),
            StoreysSource = Col(_ => AttributeSource.Observed),
            ConstructionYear = Col(b => b.Year),
            ConstructionYearSource = Col(_ => AttributeSource.Observed),
            ConstructionYearRule = Col<string?>(_ => null),
            UseCode = Col<string?>(_ => "house"),
            Use = Col(_ => BuildingUse.Residential),
            Dwellings = Col(_ => 1),
            SizeClass = Col(b => b.Size),
            SizeClassSource = Col(_ => AttributeSource.Observed),
            Country = Col(_ => "PL"),
            CountrySource = Col(_ => AttributeSource.Observed),
            TypologyIndex = Col(b => SimFixtures.Data.Typologies.IndexOf(b.Type) is int t and >= 0 ? t : throw new ArgumentException(b.Type)),
            GrossFloorAreaM2 = Col(b => b.AreaM2 / 0.85),
            HeatedFloorAreaM2 = Col(b => b.AreaM2),
            WallAreaM2 = Col(b => b.WallM2),
            RoofAreaM2 = Col(b => b.RoofM2),
            GroundFloorAreaM2 = Col(b => b.FloorM2),
            WindowNorthM2 = Col(_ => 0.0),
            WindowEastM2 = Col(_ => 0.0),
            WindowSouthM2 = Col(b => b.WindowSouthM2),
            WindowWestM2 = Col(_ => 0.0),
            NeighbourhoodIndex = Col(b => b.Neighbourhood is string h ? Array.IndexOf(hoods, h) : -1),
            NeighbourhoodNames = hoods,
            Heating = Col(b => b.Heating),
            RenewedYear = [Col(b => b.WallInsulated), Col(_ => 0), Col(_ => 0), Col(b => b.WindowsRenewed)],
            // As built unless a test says otherwise: a stated state, so the default renewal shares never draw for these buildings.
            RenewalSource = Col(b => b.StateStated ? AttributeSource.Observed : AttributeSource.Missing),
        };
    }
}
