using Twin.Core.Spatial;

namespace Twin.Core.Loading;

/// <summary>Options of <see cref="StockLoader"/>; every default and its source in one place.</summary>
public sealed record StockLoadOptions
{
    public AttributeMapping Mapping { get; init; } = AttributeMapping.Osm;

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

    /// <summary>Plausible height range; outside it the value is ignored and the height inferred from storeys.
    /// Upper bound: the tallest building on Earth is 828 m; 1000 m leaves room for none but catches unit errors (mm, cm).</summary>
    public double MinHeightM { get; init; } = 2.0;

    public double MaxHeightM { get; init; } = 1000.0;

    /// <summary>Plausible storeys (the tallest building has 163).</summary>
    public int MaxStoreys { get; init; } = 200;

    /// <summary>Plausible construction years; later than the current year is ignored too.</summary>
    public int MinYear { get; init; } = 1000;

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

    public double SingleFamilyMaxGrossFloorAreaM2 { get; init; } = 450.0;

    public FootprintMetricsOptions Metrics { get; init; } = FootprintMetricsOptions.Default;

    public static StockLoadOptions Default { get; } = new();
}
