using ProjNet.CoordinateSystems;
using ProjNet.IO.CoordinateSystems;

namespace Twin.Core.Spatial;

/// <summary>
/// A coordinate reference system: its ProjNet definition plus the EPSG code where known.
/// Geographic systems are always used in longitude, latitude order (GeoJSON / GeoParquet convention).
/// </summary>
public sealed class CoordinateReferenceSystem
{
    private CoordinateReferenceSystem(string name, int? epsg, CoordinateSystem system)
    {
        Name = name;
        Epsg = epsg;
        System = system;
    }

    /// <summary>Name of the CRS (from its definition).</summary>
    public string Name { get; }

    /// <summary>EPSG code, where known.</summary>
    public int? Epsg { get; }

    /// <summary>The ProjNet definition.</summary>
    public CoordinateSystem System { get; }

    /// <summary>True for longitude/latitude systems (degrees), false for projected ones (metres).</summary>
    public bool IsGeographic => System is GeographicCoordinateSystem;

    /// <summary>"EPSG:2180" when the code is known, else the CRS name.</summary>
    public string Label => Epsg is int code ? $"EPSG:{code}" : Name;

    /// <summary>WGS 84 longitude/latitude (EPSG:4326 in lon/lat order, i.e. OGC:CRS84).</summary>
    public static CoordinateReferenceSystem Wgs84 { get; } = new("WGS 84", 4326, GeographicCoordinateSystem.WGS84);

    /// <summary>
    /// ETRS89 / Poland CS92 (EPSG:2180): transverse Mercator on GRS 80, central meridian 19° E,
    /// scale 0.9993, false easting 500 000 m, false northing −5 300 000 m (EPSG registry, code 2180).
    /// ETRS89 is treated as identical to WGS 84 (sub-metre difference, EPSG transformation 1149).
    /// </summary>
    public static CoordinateReferenceSystem Poland1992 { get; } = FromWkt(
        "PROJCS[\"ETRS89 / Poland CS92\",GEOGCS[\"ETRS89\",DATUM[\"European_Terrestrial_Reference_System_1989\"," +
        "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"6258\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4258\"]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",19]," +
        "PARAMETER[\"scale_factor\",0.9993],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",-5300000]," +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"2180\"]]",
        2180);

    /// <summary>WGS 84 / UTM zone <paramref name="zone"/> (EPSG:326zz north, 327zz south).</summary>
    public static CoordinateReferenceSystem Utm(int zone, bool north)
    {
        if (zone is < 1 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, "UTM zones are 1..60.");
        }

        return new CoordinateReferenceSystem($"WGS 84 / UTM zone {zone}{(north ? "N" : "S")}", (north ? 32600 : 32700) + zone, ProjectedCoordinateSystem.WGS84_UTM(zone, north));
    }

    /// <summary>Web Mercator (EPSG:3857), common in web exports.</summary>
    public static CoordinateReferenceSystem WebMercator { get; } = new("WGS 84 / Pseudo-Mercator", 3857, ProjectedCoordinateSystem.WebMercator);

    /// <summary>Parses OGC WKT (e.g. a Shapefile .prj or a GeoPackage srs definition).</summary>
    /// <exception cref="FormatException">The text is not WKT that ProjNet understands.</exception>
    public static CoordinateReferenceSystem FromWkt(string wkt, int? epsg = null)
    {
        if (WktSyntax.Problem(wkt) is string problem)
        {
            throw new FormatException($"Cannot parse the CRS definition ({problem}).");
        }

        CoordinateSystem system;
        try
        {
            system = (CoordinateSystem)CoordinateSystemWktReader.Parse(wkt.Trim());
        }
        // ProjNet's WKT parser reports some malformed input as NullReferenceException (missing nodes), so it is caught here too.
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or NotSupportedException or FormatException or NullReferenceException)
        {
            throw new FormatException($"Cannot parse the CRS definition ({ex.Message}).", ex);
        }

        if (epsg is null && string.Equals(system.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) && system.AuthorityCode > 0)
        {
            epsg = (int)system.AuthorityCode;
        }

        return new CoordinateReferenceSystem(system.Name, epsg, system);
    }

    /// <summary>The CRSs known by EPSG code without a definition file; null for others.</summary>
    public static CoordinateReferenceSystem? FromEpsg(int code) => code switch
    {
        4326 or 4258 => Wgs84,
        2180 => Poland1992,
        3857 or 900913 => WebMercator,
        > 32600 and <= 32660 => Utm(code - 32600, north: true),
        > 32700 and <= 32760 => Utm(code - 32700, north: false),
        _ => null,
    };

    /// <summary>Parses "EPSG:2180", "epsg:4326", "OGC:CRS84", a URN ("urn:ogc:def:crs:EPSG::2180", "urn:ogc:def:crs:OGC:1.3:CRS84") or a bare number.</summary>
    public static CoordinateReferenceSystem? Parse(string text)
    {
        string t = text.Trim();
        if (t.EndsWith(":CRS84", StringComparison.OrdinalIgnoreCase) || t.Equals("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return Wgs84;
        }

        int colon = t.LastIndexOf(':');
        string digits = colon >= 0 ? t[(colon + 1)..] : t;
        return int.TryParse(digits, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out int code) ? FromEpsg(code) : null;
    }

    /// <summary><see cref="Label"/>.</summary>
    public override string ToString() => Label;
}
