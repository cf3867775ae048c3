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
    /// <summary>Number of buildings.</summary>
    public int Count => Ids.Length;

    /// <summary>The metric CRS the footprints are in and every length and area was measured in.</summary>
    public required CoordinateReferenceSystem Crs { get; init; }

    /// <summary>Building ids (unique).</summary>
    public required string[] Ids { get; init; }

    /// <summary>Row of the building in its source file (0-based), for error messages and joins back.</summary>
    public required int[] SourceRows { get; init; }

    /// <summary>Footprints (valid polygons) in <see cref="Crs"/>.</summary>
    public required Geometry[] Footprints { get; init; }

    /// <summary>Footprint area [m²].</summary>
    public required double[] FootprintAreaM2 { get; init; }

    /// <summary>Length of all rings [m].</summary>
    public required double[] PerimeterM { get; init; }

    /// <summary>Footprint edge length shared with neighbours [m].</summary>
    public required double[] PartyWallLengthM { get; init; }

    /// <summary>Perimeter minus party walls [m].</summary>
    public required double[] ExposedWallLengthM { get; init; }

    /// <summary>Exposed wall length facing north (315–45°) [m].</summary>
    public required double[] ExposedWallNorthM { get; init; }

    /// <summary>Exposed wall length facing east (45–135°) [m].</summary>
    public required double[] ExposedWallEastM { get; init; }

    /// <summary>Exposed wall length facing south (135–225°) [m].</summary>
    public required double[] ExposedWallSouthM { get; init; }

    /// <summary>Exposed wall length facing west (225–315°) [m].</summary>
    public required double[] ExposedWallWestM { get; init; }

    /// <summary>Building height [m].</summary>
    public required double[] HeightM { get; init; }

    /// <summary>Where the height came from.</summary>
    public required AttributeSource[] HeightSource { get; init; }

    /// <summary>Storeys above ground.</summary>
    public required int[] Storeys { get; init; }

    /// <summary>Where the storeys came from.</summary>
    public required AttributeSource[] StoreysSource { get; init; }

    /// <summary>Construction year; 0 where missing.</summary>
    public required int[] ConstructionYear { get; init; }

    /// <summary>Where the construction year came from.</summary>
    public required AttributeSource[] ConstructionYearSource { get; init; }

    /// <summary>The rule that inferred the year (see the mapping's year rules), null where observed.</summary>
    public required string?[] ConstructionYearRule { get; init; }

    /// <summary>The source's use value (OSM building, BDOT10k fun_ogolna), null where none.</summary>
    public required string?[] UseCode { get; init; }

    /// <summary>Broad use: residential, non-residential, unknown.</summary>
    public required BuildingUse[] Use { get; init; }

    /// <summary>Dwellings where given, else 0.</summary>
    public required int[] Dwellings { get; init; }

    /// <summary>TABULA size class.</summary>
    public required SizeClass[] SizeClass { get; init; }

    /// <summary>Where the size class came from.</summary>
    public required AttributeSource[] SizeClassSource { get; init; }

    /// <summary>TABULA country code (empty where unknown).</summary>
    public required string[] Country { get; init; }

    /// <summary>Where the country came from.</summary>
    public required AttributeSource[] CountrySource { get; init; }

    /// <summary>Index into <see cref="Typologies.TypologyCatalog.Types"/>; −1 where no typology applies.</summary>
    public required int[] TypologyIndex { get; init; }

    /// <summary>Gross floor area by external dimensions: footprint × storeys.</summary>
    public required double[] GrossFloorAreaM2 { get; init; }

    /// <summary>Heated (TABULA reference) floor area A_C_Ref: gross floor area × the typology's A_C_Ref/A_C_ExtDim.</summary>
    public required double[] HeatedFloorAreaM2 { get; init; }

    /// <summary>Opaque exposed wall area (gross exposed façade minus windows).</summary>
    public required double[] WallAreaM2 { get; init; }

    /// <summary>Roof area [m²] (flat-roof projection: the footprint).</summary>
    public required double[] RoofAreaM2 { get; init; }

    /// <summary>Ground-floor area [m²] (the footprint).</summary>
    public required double[] GroundFloorAreaM2 { get; init; }

    /// <summary>Window area facing north [m²].</summary>
    public required double[] WindowNorthM2 { get; init; }

    /// <summary>Window area facing east [m²].</summary>
    public required double[] WindowEastM2 { get; init; }

    /// <summary>Window area facing south [m²].</summary>
    public required double[] WindowSouthM2 { get; init; }

    /// <summary>Window area facing west [m²].</summary>
    public required double[] WindowWestM2 { get; init; }

    /// <summary>Index into <see cref="NeighbourhoodNames"/>; −1 outside all neighbourhoods or when none were given.</summary>
    public required int[] NeighbourhoodIndex { get; init; }

    /// <summary>Names of the neighbourhoods <see cref="NeighbourhoodIndex"/> points into.</summary>
    public required IReadOnlyList<string> NeighbourhoodNames { get; init; }

    /// <summary>Year value of <see cref="RenewedYear"/> for an element renewed in a year the source does not give.</summary>
    public const int RenewedYearUnknown = -1;

    /// <summary>Year value of <see cref="RenewedYear"/> for an element whose renewal the source does not state (the engine's defaults apply).</summary>
    public const int RenewalNotStated = int.MinValue;

    private string?[]? _heating;
    private int[][]? _renewedYear;
    private AttributeSource[]? _renewalSource;

    /// <summary>
    /// The current heat generator the source states (a <see cref="HeatGenerators"/> name), null where it states none: the engine
    /// then takes the default of the building's size class.
    /// </summary>
    public string?[] Heating
    {
        get => _heating ?? InitialiseHeating();
        init => _heating = value;
    }

    /// <summary>
    /// [<see cref="EnvelopeElement"/>][building]: the year the element was renewed after construction (walls, roof, floor insulated;
    /// windows replaced) as the source states it; 0 = not renewed, <see cref="RenewedYearUnknown"/> = renewed in a year not given,
    /// <see cref="RenewalNotStated"/> = not stated. Only read where <see cref="RenewalSource"/> is observed.
    /// </summary>
    public int[][] RenewedYear
    {
        get => _renewedYear ?? InitialiseRenewedYear();
        init => _renewedYear = value;
    }

    /// <summary>Per building: <see cref="AttributeSource.Observed"/> where the source states the renewal of at least one element (yes, no or a year), else missing.</summary>
    public AttributeSource[] RenewalSource
    {
        get => _renewalSource ?? InitialiseRenewalSource();
        init => _renewalSource = value;
    }

    /// <summary>True when the source states element <paramref name="e"/> of building <paramref name="i"/> (renewed, with or without a year, or not).</summary>
    public bool RenewalStated(EnvelopeElement e, int i) => RenewalSource[i] == AttributeSource.Observed && RenewedYear[(int)e][i] != RenewalNotStated;

    // Columns a stock may leave out: created on first use (Interlocked: parallel readers all see the same array).
    private string?[] InitialiseHeating()
    {
        Interlocked.CompareExchange(ref _heating, new string?[Count], null);
        return _heating;
    }

    private int[][] InitialiseRenewedYear()
    {
        Interlocked.CompareExchange(ref _renewedYear, Enum.GetValues<EnvelopeElement>().Select(_ => new int[Count]).ToArray(), null);
        return _renewedYear;
    }

    private AttributeSource[] InitialiseRenewalSource()
    {
        Interlocked.CompareExchange(ref _renewalSource, Enumerable.Repeat(AttributeSource.Missing, Count).ToArray(), null);
        return _renewalSource;
    }

    /// <summary>The same buildings with another stated current state (each argument left null keeps this stock's column).</summary>
    public BuildingStock WithState(string?[]? heating = null, int[][]? renewedYear = null, AttributeSource[]? renewalSource = null)
    {
        var copy = (BuildingStock)MemberwiseClone();
        copy._heating = heating ?? Heating;
        copy._renewedYear = renewedYear ?? RenewedYear;
        copy._renewalSource = renewalSource ?? RenewalSource;
        return copy;
    }

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
            Heating = Pick(Heating),
            RenewedYear = RenewedYear.Select(Pick).ToArray(),
            RenewalSource = Pick(RenewalSource),
        };
    }
}
