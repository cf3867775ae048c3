using NetTopologySuite.Geometries;
using Twin.Core.Spatial;

namespace Twin.Core.Stock;

/// <summary>
/// The building stock as columns: one array per attribute, index = building. This is the form the
/// engine and the viewer consume: kernels stream through the numeric arrays they need without
/// touching geometry or strings, and new attributes add a column rather than widening a row object.
/// Immutable after construction (arrays are exposed read-only). Units are in the member names.
/// Footprints are kept in the metric CRS <see cref="Crs"/> for writers and the viewer only.
/// </summary>
public sealed class BuildingStock
{
    public int Count => Ids.Length;

    public required CoordinateReferenceSystem Crs { get; init; }

    public required string[] Ids { get; init; }

    /// <summary>Row of the building in its source file (0-based), for error messages and joins back.</summary>
    public required int[] SourceRows { get; init; }

    public required Geometry[] Footprints { get; init; }

    public required double[] FootprintAreaM2 { get; init; }

    public required double[] PerimeterM { get; init; }

    public required double[] PartyWallLengthM { get; init; }

    public required double[] ExposedWallLengthM { get; init; }

    public required double[] ExposedWallNorthM { get; init; }

    public required double[] ExposedWallEastM { get; init; }

    public required double[] ExposedWallSouthM { get; init; }

    public required double[] ExposedWallWestM { get; init; }

    public required double[] HeightM { get; init; }

    public required AttributeSource[] HeightSource { get; init; }

    public required int[] Storeys { get; init; }

    public required AttributeSource[] StoreysSource { get; init; }

    /// <summary>Construction year; 0 where missing.</summary>
    public required int[] ConstructionYear { get; init; }

    public required AttributeSource[] ConstructionYearSource { get; init; }

    /// <summary>The rule that inferred the year (see the mapping's year rules), null where observed.</summary>
    public required string?[] ConstructionYearRule { get; init; }

    public required string?[] UseCode { get; init; }

    public required BuildingUse[] Use { get; init; }

    public required int[] Dwellings { get; init; }

    public required SizeClass[] SizeClass { get; init; }

    public required AttributeSource[] SizeClassSource { get; init; }

    public required string[] Country { get; init; }

    public required AttributeSource[] CountrySource { get; init; }

    /// <summary>Index into <see cref="Typologies.TypologyCatalog.Types"/>; −1 where no typology applies.</summary>
    public required int[] TypologyIndex { get; init; }

    /// <summary>Gross floor area by external dimensions: footprint × storeys.</summary>
    public required double[] GrossFloorAreaM2 { get; init; }

    /// <summary>Heated (TABULA reference) floor area A_C_Ref: gross floor area × the typology's A_C_Ref/A_C_ExtDim.</summary>
    public required double[] HeatedFloorAreaM2 { get; init; }

    /// <summary>Opaque exposed wall area (gross exposed façade minus windows).</summary>
    public required double[] WallAreaM2 { get; init; }

    public required double[] RoofAreaM2 { get; init; }

    public required double[] GroundFloorAreaM2 { get; init; }

    public required double[] WindowNorthM2 { get; init; }

    public required double[] WindowEastM2 { get; init; }

    public required double[] WindowSouthM2 { get; init; }

    public required double[] WindowWestM2 { get; init; }

    /// <summary>Index into <see cref="NeighbourhoodNames"/>; −1 outside all neighbourhoods or when none were given.</summary>
    public required int[] NeighbourhoodIndex { get; init; }

    public required IReadOnlyList<string> NeighbourhoodNames { get; init; }

    /// <summary>A new stock holding only the given buildings, in the given order (e.g. one building for the advisor, or a shard).</summary>
    public BuildingStock Subset(IReadOnlyList<int> rows)
    {
        T[] Pick<T>(T[] column)
        {
            var result = new T[rows.Count];
            for (int k = 0; k < rows.Count; k++)
            {
                result[k] = column[rows[k]];
            }

            return result;
        }

        return new BuildingStock
        {
            Crs = Crs,
            Ids = Pick(Ids),
            SourceRows = Pick(SourceRows),
            Footprints = Pick(Footprints),
            FootprintAreaM2 = Pick(FootprintAreaM2),
            PerimeterM = Pick(PerimeterM),
            PartyWallLengthM = Pick(PartyWallLengthM),
            ExposedWallLengthM = Pick(ExposedWallLengthM),
            ExposedWallNorthM = Pick(ExposedWallNorthM),
            ExposedWallEastM = Pick(ExposedWallEastM),
            ExposedWallSouthM = Pick(ExposedWallSouthM),
            ExposedWallWestM = Pick(ExposedWallWestM),
            HeightM = Pick(HeightM),
            HeightSource = Pick(HeightSource),
            Storeys = Pick(Storeys),
            StoreysSource = Pick(StoreysSource),
            ConstructionYear = Pick(ConstructionYear),
            ConstructionYearSource = Pick(ConstructionYearSource),
            ConstructionYearRule = Pick(ConstructionYearRule),
            UseCode = Pick(UseCode),
            Use = Pick(Use),
            Dwellings = Pick(Dwellings),
            SizeClass = Pick(SizeClass),
            SizeClassSource = Pick(SizeClassSource),
            Country = Pick(Country),
            CountrySource = Pick(CountrySource),
            TypologyIndex = Pick(TypologyIndex),
            GrossFloorAreaM2 = Pick(GrossFloorAreaM2),
            HeatedFloorAreaM2 = Pick(HeatedFloorAreaM2),
            WallAreaM2 = Pick(WallAreaM2),
            RoofAreaM2 = Pick(RoofAreaM2),
            GroundFloorAreaM2 = Pick(GroundFloorAreaM2),
            WindowNorthM2 = Pick(WindowNorthM2),
            WindowEastM2 = Pick(WindowEastM2),
            WindowSouthM2 = Pick(WindowSouthM2),
            WindowWestM2 = Pick(WindowWestM2),
            NeighbourhoodIndex = Pick(NeighbourhoodIndex),
            NeighbourhoodNames = NeighbourhoodNames,
        };
    }
}
