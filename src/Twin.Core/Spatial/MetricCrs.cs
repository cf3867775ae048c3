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

    /// <summary>
    /// The metric CRS for buildings with these centres (lon/lat): <see cref="For(Coordinate)"/> at their median longitude
    /// and latitude, so a few far-off or damaged features cannot move it (the extent's centre could: one vertex at 90° N
    /// sent a whole Warsaw stock into a UTM zone).
    /// </summary>
    public static CoordinateReferenceSystem ForCentres(IReadOnlyList<Coordinate> centresLonLat)
    {
        if (centresLonLat.Count == 0)
        {
            return CoordinateReferenceSystem.Wgs84;
        }

        double Median(Func<Coordinate, double> f)
        {
            double[] v = centresLonLat.Select(f).Order().ToArray();
            return v[v.Length / 2];
        }

        return For(new Coordinate(Median(c => c.X), Median(c => c.Y)));
    }

    /// <summary>
    /// Where a metric CRS measures footprints without noticeable distortion (lon/lat): EPSG:2180's area of use (Poland)
    /// with a 0.5° margin; a UTM zone's 6° of longitude with 3° on either side (at most 6° from the central meridian: scale
    /// error k − 1 ≈ (Δλ·cos φ)²/2 below 0.5 % in length, 1 % in area, at the equator; 0.2 % at 52° N), up to 84° N / 80° S; null for other CRSs (no check).
    /// </summary>
    public static Envelope? AreaOfUse(CoordinateReferenceSystem metric)
    {
        if (metric.Epsg == 2180)
        {
            var e = new Envelope(PolandAreaOfUse);
            e.ExpandBy(0.5);
            return e;
        }

        if (metric.Epsg is int code && code is > 32600 and <= 32660 or > 32700 and <= 32760)
        {
            int zone = code % 100;
            double west = -180 + ((zone - 1) * 6);
            return code < 32700 ? new Envelope(west - 3, west + 9, -1, 84) : new Envelope(west - 3, west + 9, -80, 1);
        }

        return null;
    }

    /// <summary>The metric CRS for geometries in <paramref name="source"/>: <see cref="ForCentres"/> of their envelope centres (the source itself when there are none).</summary>
    public static CoordinateReferenceSystem For(IEnumerable<Geometry?> geometries, CoordinateReferenceSystem source)
    {
        Reprojector? toLonLat = source.IsGeographic ? null : new Reprojector(source, CoordinateReferenceSystem.Wgs84);
        var centres = new List<Coordinate>();
        foreach (Geometry? g in geometries)
        {
            if (g is not null && !g.IsEmpty)
            {
                Coordinate c = g.EnvelopeInternal.Centre;
                (double lon, double lat) = toLonLat?.Transform(c.X, c.Y) ?? (c.X, c.Y);
                if (double.IsFinite(lon) && double.IsFinite(lat) && Math.Abs(lon) <= 180 && Math.Abs(lat) <= 90)
                {
                    centres.Add(new Coordinate(lon, lat));
                }
            }
        }

        return centres.Count == 0 ? source : ForCentres(centres);
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
