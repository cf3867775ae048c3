using NetTopologySuite.Geometries;
using Twin.Core.Spatial;
using Twin.Core.Stock;

namespace Twin.Core.Loading;

/// <summary>Mutable column buffers filled by the loader, frozen into a <see cref="BuildingStock"/> by <see cref="Build"/>.</summary>
internal sealed class StockBuilder
{
    public StockBuilder(int n, CoordinateReferenceSystem crs)
    {
        Crs = crs;
        Ids = new string[n];
        SourceRows = new int[n];
        Footprints = new Geometry[n];
        Height = new double[n];
        HeightSource = new AttributeSource[n];
        Storeys = new int[n];
        StoreysSource = new AttributeSource[n];
        Year = new int[n];
        YearSource = new AttributeSource[n];
        YearRule = new string?[n];
        UseCode = new string?[n];
        Use = new BuildingUse[n];
        Dwellings = new int[n];
        SizeClass = new SizeClass[n];
        SizeClassSource = new AttributeSource[n];
        Country = new string[n];
        CountrySource = new AttributeSource[n];
        Typology = new int[n];
        GrossFloor = new double[n];
        HeatedFloor = new double[n];
        Wall = new double[n];
        Roof = new double[n];
        GroundFloor = new double[n];
        WindowN = new double[n];
        WindowE = new double[n];
        WindowS = new double[n];
        WindowW = new double[n];
        Neighbourhood = Enumerable.Repeat(-1, n).ToArray();
        Heating = new string?[n];
        RenewedYear = Enum.GetValues<EnvelopeElement>().Select(_ => Enumerable.Repeat(BuildingStock.RenewalNotStated, n).ToArray()).ToArray();
        RenewalSource = Enumerable.Repeat(AttributeSource.Missing, n).ToArray();
    }

    public string?[] Heating { get; }

    public int[][] RenewedYear { get; }

    public AttributeSource[] RenewalSource { get; }

    public CoordinateReferenceSystem Crs { get; }

    public string[] Ids { get; }

    public int[] SourceRows { get; }

    public Geometry[] Footprints { get; }

    public FootprintMeasures? Measures { get; set; }

    public double[] Height { get; }

    public AttributeSource[] HeightSource { get; }

    public int[] Storeys { get; }

    public AttributeSource[] StoreysSource { get; }

    public int[] Year { get; }

    public AttributeSource[] YearSource { get; }

    public string?[] YearRule { get; }

    public string?[] UseCode { get; }

    public BuildingUse[] Use { get; }

    public int[] Dwellings { get; }

    public SizeClass[] SizeClass { get; }

    public AttributeSource[] SizeClassSource { get; }

    public string[] Country { get; }

    public AttributeSource[] CountrySource { get; }

    public int[] Typology { get; }

    public double[] GrossFloor { get; }

    public double[] HeatedFloor { get; }

    public double[] Wall { get; }

    public double[] Roof { get; }

    public double[] GroundFloor { get; }

    public double[] WindowN { get; }

    public double[] WindowE { get; }

    public double[] WindowS { get; }

    public double[] WindowW { get; }

    public int[] Neighbourhood { get; private set; }

    public IReadOnlyList<string> NeighbourhoodNames { get; private set; } = [];

    public void SetNeighbourhoods(IReadOnlyList<string> names, int[] index)
    {
        NeighbourhoodNames = names;
        Neighbourhood = index;
    }

    public static BuildingStock Empty(CoordinateReferenceSystem crs) => new StockBuilder(0, crs) { Measures = new FootprintMeasures(0) }.Build();

    public BuildingStock Build()
    {
        FootprintMeasures m = Measures ?? throw new InvalidOperationException("Footprint measures not computed.");
        double[] exposed = new double[Ids.Length];
        for (int i = 0; i < exposed.Length; i++)
        {
            exposed[i] = m.ExposedNorthM[i] + m.ExposedEastM[i] + m.ExposedSouthM[i] + m.ExposedWestM[i];
        }

        return new BuildingStock
        {
            Crs = Crs,
            Ids = Ids,
            SourceRows = SourceRows,
            Footprints = Footprints,
            FootprintAreaM2 = m.AreaM2,
            PerimeterM = m.PerimeterM,
            PartyWallLengthM = m.PartyWallLengthM,
            ExposedWallLengthM = exposed,
            ExposedWallNorthM = m.ExposedNorthM,
            ExposedWallEastM = m.ExposedEastM,
            ExposedWallSouthM = m.ExposedSouthM,
            ExposedWallWestM = m.ExposedWestM,
            HeightM = Height,
            HeightSource = HeightSource,
            Storeys = Storeys,
            StoreysSource = StoreysSource,
            ConstructionYear = Year,
            ConstructionYearSource = YearSource,
            ConstructionYearRule = YearRule,
            UseCode = UseCode,
            Use = Use,
            Dwellings = Dwellings,
            SizeClass = SizeClass,
            SizeClassSource = SizeClassSource,
            Country = Country,
            CountrySource = CountrySource,
            TypologyIndex = Typology,
            GrossFloorAreaM2 = GrossFloor,
            HeatedFloorAreaM2 = HeatedFloor,
            WallAreaM2 = Wall,
            RoofAreaM2 = Roof,
            GroundFloorAreaM2 = GroundFloor,
            WindowNorthM2 = WindowN,
            WindowEastM2 = WindowE,
            WindowSouthM2 = WindowS,
            WindowWestM2 = WindowW,
            NeighbourhoodIndex = Neighbourhood,
            NeighbourhoodNames = NeighbourhoodNames,
            Heating = Heating,
            RenewedYear = RenewedYear,
            RenewalSource = RenewalSource,
        };
    }
}
