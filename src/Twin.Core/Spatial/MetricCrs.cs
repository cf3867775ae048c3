using NetTopologySuite.Geometries;

namespace Twin.Core.Spatial;

/// <summary>Chooses the metric CRS in which footprints are measured.</summary>
public static class MetricCrs
{
    /// <summary>
    /// Bounding box of EPSG:2180's area of use, "Poland - onshore and offshore" (EPSG registry, area 1192):
    /// 14.14–24.15° E, 49.0–55.93° N.
    /// </summary>
    private static readonly Envelope PolandAreaOfUse = new(14.14, 24.15, 49.0, 55.93);

    /// <summary>
    /// EPSG:2180 when the data's centre (lon/lat) lies in Poland's area of use, else the WGS 84 UTM
    /// zone of the centre (zone = floor((lon + 180) / 6) + 1; the Norway/Svalbard exceptions are ignored,
    /// which only changes the zone, not the metric quality, by at most one zone width).
    /// </summary>
    public static CoordinateReferenceSystem For(Coordinate centreLonLat)
    {
        if (PolandAreaOfUse.Contains(centreLonLat))
        {
            return CoordinateReferenceSystem.Poland1992;
        }

        int zone = Math.Clamp((int)Math.Floor((centreLonLat.X + 180.0) / 6.0) + 1, 1, 60);
        return CoordinateReferenceSystem.Utm(zone, centreLonLat.Y >= 0);
    }

    /// <summary>The metric CRS for geometries in <paramref name="source"/>: <see cref="For(Coordinate)"/> at the centre of their extent (the source itself when there is none).</summary>
    public static CoordinateReferenceSystem For(IEnumerable<Geometry?> geometries, CoordinateReferenceSystem source)
    {
        var env = new Envelope();
        foreach (Geometry? g in geometries)
        {
            if (g is not null)
            {
                env.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        return For(env, source);
    }

    /// <summary>The metric CRS for data with this extent in <paramref name="source"/> (the source itself for a null extent).</summary>
    public static CoordinateReferenceSystem For(Envelope extent, CoordinateReferenceSystem source)
    {
        if (extent.IsNull)
        {
            return source; // nothing to measure
        }

        (double lon, double lat) = new Reprojector(source, CoordinateReferenceSystem.Wgs84).Transform(extent.Centre.X, extent.Centre.Y);
        return For(new Coordinate(lon, lat));
    }
}
