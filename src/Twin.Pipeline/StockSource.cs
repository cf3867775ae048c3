using Twin.Core.Spatial;

namespace Twin.Pipeline;

/// <summary>Where a stock comes from and how to read it; everything but <see cref="Path"/> is optional.</summary>
public sealed record StockSource
{
    /// <summary>Footprint file: GeoJSON, GeoParquet, GeoPackage or Shapefile (twin's own stock.parquet/.gpkg too).</summary>
    public required string Path { get; init; }

    /// <summary>Attribute mapping JSON; null = twin's own stock columns where the file has them, else OpenStreetMap names.</summary>
    public string? MappingPath { get; init; }

    /// <summary>Neighbourhood polygons to aggregate by; null = the file's neighbourhood attribute (twin stock files), else none.</summary>
    public string? NeighbourhoodsPath { get; init; }

    /// <summary>CRS to assume when the file states none (a Shapefile without .prj).</summary>
    public CoordinateReferenceSystem? SourceCrs { get; init; }

    /// <summary>Metric CRS to measure in; null = EPSG:2180 in Poland, else the local UTM zone.</summary>
    public CoordinateReferenceSystem? MetricCrs { get; init; }

    /// <summary>TABULA country code for buildings without one; null = from the location.</summary>
    public string? Country { get; init; }

    /// <summary>The year the stock is described in (construction years after it are implausible); null = the run's start year, else 2025.</summary>
    public int? ReferenceYear { get; init; }
}
