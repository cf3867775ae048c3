using Twin.Core.Spatial;

namespace Twin.Core.Loading;

/// <summary>Options of <see cref="StockLoader"/>; every default and its source in one place.</summary>
public sealed record StockLoadOptions
{
    /// <summary>Attribute names of the source; null = <see cref="AttributeMapping.TwinStock"/> for twin's own stock files, else <see cref="AttributeMapping.Osm"/>.</summary>
    public AttributeMapping? Mapping { get; init; }

    /// <summary>CRS to assume when the file does not state one (a Shapefile without .prj, GeoParquet with crs null).</summary>
    public CoordinateReferenceSystem? AssumedSourceCrs { get; init; }

    /// <summary>Metric CRS to measure in; null = EPSG:2180 inside Poland, else the local UTM zone.</summary>
    public CoordinateReferenceSystem? MetricCrs { get; init; }

    /// <summary>Country (TABULA code, e.g. "PL") for buildings without a country attribute; null = inferred from location (EPSG:2180 area → PL).</summary>
    public string? Country { get; init; }

    /// <summary>
    /// Gross storey height used to turn storeys into height and back. Assumption: 3.0 m = the 2.5 m minimum
    /// clear height of habitable rooms in Polish building regulations (Dz.U. 2002 nr 75 poz. 690, §72) plus
    /// about 0.5 m of floor slab and finishes; TABULA's own boundary conditions use a 2.5 m room height (h_room).
    /// </summary>
    public double StoreyHeightM { get; init; } = 3.0;

    /// <summary>Footprints smaller than this are rejected as digitising artefacts. Assumption.</summary>
    public double MinFootprintAreaM2 { get; init; } = 1.0;

    /// <summary>
    /// Footprints larger than this [m²] are rejected: no building covers 1 km² (the largest footprints, e.g. Boeing's
    /// Everett factory, are about 0.4 km²), so a larger one is a unit or CRS error or damaged coordinates.
    /// </summary>
    public double MaxFootprintAreaM2 { get; init; } = 1_000_000.0;

    /// <summary>Plausible height range; outside it the value is ignored and the height inferred from storeys.
    /// Upper bound: the tallest building on Earth is 828 m; 1000 m leaves room for none but catches unit errors (mm, cm).</summary>
    public double MinHeightM { get; init; } = 2.0;

    /// <summary>Upper end of the plausible height range [m].</summary>
    public double MaxHeightM { get; init; } = 1000.0;

    /// <summary>Plausible storeys (the tallest building has 163).</summary>
    public int MaxStoreys { get; init; } = 200;

    /// <summary>Plausible construction years: from this one up to <see cref="ReferenceYear"/>; others are ignored (and inferred).</summary>
    public int MinYear { get; init; } = 1000;

    /// <summary>
    /// The year the stock is described in: construction years after it are implausible. Explicit so that a result never
    /// depends on the wall clock; <see cref="DefaultReferenceYear"/> unless the caller (e.g. a run, from its scenarios'
    /// start year) says otherwise.
    /// </summary>
    public int ReferenceYear { get; init; } = DefaultReferenceYear;

    /// <summary>2025: the start year of the bundled scenarios (data/samples/scenarios), the state the sample stock is taken in.</summary>
    public const int DefaultReferenceYear = 2025;

    /// <summary>Worker threads of the loader's parallel loops (reading, reprojection, metrics, neighbourhoods); null = all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Stops a load between (and inside) its parallel steps with an <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The parallel options of every loop of the load: <see cref="MaxDegreeOfParallelism"/> and <see cref="Cancellation"/>.</summary>
    public ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1, CancellationToken = Cancellation };

    /// <summary>
    /// Multi-family buildings with at least this many storeys are apartment blocks (AB). 10 lies between the
    /// tallest Polish TABULA MFH (9 storeys, PL.N.MFH.06) and the lowest AB (11 storeys, PL.N.AB.03/04/06/07).
    /// </summary>
    public int ApartmentBlockMinStoreys { get; init; } = 10;

    /// <summary>A single-family house sharing at least this share of its perimeter with neighbours is terraced (TH). Assumption.</summary>
    public double TerraceMinPartyWallShare { get; init; } = 0.10;

    /// <summary>A residential building of unknown kind with at most this many storeys and this gross floor area is single-family. Assumption
    /// from the Polish TABULA types: SFH/TH have 2–3 storeys and at most 427 m² (PL.N.TH.03, A_C_ExtDim).</summary>
    public int SingleFamilyMaxStoreys { get; init; } = 3;

    /// <summary>Largest gross floor area [m²] of a single-family house of unknown kind (see <see cref="SingleFamilyMaxStoreys"/>).</summary>
    public double SingleFamilyMaxGrossFloorAreaM2 { get; init; } = 450.0;

    /// <summary>Tolerances of the footprint measures (party walls).</summary>
    public FootprintMetricsOptions Metrics { get; init; } = FootprintMetricsOptions.Default;

    /// <summary>The defaults.</summary>
    public static StockLoadOptions Default { get; } = new();
}
