using Twin.Core.Spatial;

namespace Twin.Core.Tests.Spatial;

public sealed class CoordinateReferenceSystemTests
{
    /// <summary>The GeoJSON reference vertices have 6 decimals (≤ 0.11 m); the Krüger-series conversion itself is sub-millimetre.</summary>
    private const double BdotToleranceM = 0.15;

    /// <summary>
    /// EPSG Guidance Note 7-2 (IOGP 373-7-2), §3.5.3.1 Transverse Mercator worked example, OSGB 1936 /
    /// British National Grid: 50°30'N, 0°30'E → E 577 274.99 m, N 69 740.50 m.
    /// </summary>
    [Fact]
    public void TransverseMercator_EpsgGuidanceNoteExample_MatchesToCentimetre()
    {
        const string BritishNationalGrid =
            "PROJCS[\"OSGB 1936 / British National Grid\",GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646]," +
            "TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"]," +
            "PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717]," +
            "PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1]]";
        var grid = CoordinateReferenceSystem.FromWkt(BritishNationalGrid);
        var geographic = CoordinateReferenceSystem.FromWkt(
            "GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]");
        (double e, double n) = new Reprojector(geographic, grid).Transform(0.5, 50.5);
        Assert.Equal(577274.99, e, 0.01);
        Assert.Equal(69740.50, n, 0.01);
    }

    /// <summary>
    /// A real BDOT10k building (lokalnyId 38F62225-BD43-…): its EPSG:2180 vertices from the GUGiK GML and the
    /// WGS 84 vertices of the same building in the reference GeoJSON, which was converted by an independent
    /// Krüger-series implementation (../shared/reference/SOURCES.md §4).
    /// </summary>
    [Fact]
    public void Poland1992_BdotVertices_MatchIndependentConversion()
    {
        (double E, double N)[] gml = [(640253.7, 485195.67), (640248.5, 485213.93), (640287.09, 485224.8), (640295.32, 485195.71), (640256.79, 485184.7)];
        (double Lon, double Lat)[] geojson = [(21.053581, 52.214941), (21.053622, 52.214842), (21.05419, 52.214931), (21.054082, 52.215195), (21.053513, 52.215107)];
        var toWgs = new Reprojector(CoordinateReferenceSystem.Poland1992, CoordinateReferenceSystem.Wgs84);
        foreach ((double lon, double lat) in geojson)
        {
            double best = gml.Min(p =>
            {
                (double x, double y) = toWgs.Transform(p.E, p.N);
                return DistanceM(lon, lat, x, y);
            });
            Assert.True(best < BdotToleranceM, $"({lon}, {lat}) is {best:0.000} m from the nearest converted GML vertex");
        }
    }

    [Fact]
    public void Poland1992_CentralMeridianOnEquatorOfProjection_GivesFalseEasting()
    {
        (double e, _) = new Reprojector(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.Poland1992).Transform(19.0, 52.0);
        Assert.Equal(500000.0, e, 1e-6);
    }

    [Theory]
    [InlineData(21.0, 52.2, 2180)] // Warsaw → Poland CS92
    [InlineData(8.54, 47.37, 32632)] // Zürich → UTM 32N
    [InlineData(-104.65, 39.83, 32613)] // Denver → UTM 13N
    [InlineData(151.2, -33.9, 32756)] // Sydney → UTM 56S
    public void MetricCrs_ForLocation_PicksPolandOrUtm(double lon, double lat, int expectedEpsg) =>
        Assert.Equal(expectedEpsg, MetricCrs.For(new NetTopologySuite.Geometries.Coordinate(lon, lat)).Epsg);

    [Fact]
    public void Utm_RoundTrip_ReturnsToStart()
    {
        var utm = CoordinateReferenceSystem.Utm(33, north: true);
        (double x, double y) = new Reprojector(CoordinateReferenceSystem.Wgs84, utm).Transform(15.0, 0.0);
        Assert.Equal(500000.0, x, 1e-6); // central meridian of zone 33 on the equator
        Assert.Equal(0.0, y, 1e-6);
        (double lon, double lat) = new Reprojector(utm, CoordinateReferenceSystem.Wgs84).Transform(412345.6, 5812345.6);
        (double x2, double y2) = new Reprojector(CoordinateReferenceSystem.Wgs84, utm).Transform(lon, lat);
        Assert.Equal(412345.6, x2, 1e-4);
        Assert.Equal(5812345.6, y2, 1e-4);
    }

    [Theory]
    [InlineData("EPSG:2180", 2180)]
    [InlineData("epsg:4326", 4326)]
    [InlineData("OGC:CRS84", 4326)]
    [InlineData("32634", 32634)]
    public void Parse_KnownCodes_ReturnsCrs(string text, int epsg) => Assert.Equal(epsg, CoordinateReferenceSystem.Parse(text)!.Epsg);

    [Fact]
    public void Parse_UnknownCode_ReturnsNull() => Assert.Null(CoordinateReferenceSystem.Parse("EPSG:1234567"));

    private static double DistanceM(double lon1, double lat1, double lon2, double lat2)
    {
        const double EarthRadiusM = 6371008.8; // IUGG mean radius; adequate for sub-metre local distances
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180 * Math.Cos(lat1 * Math.PI / 180);
        return EarthRadiusM * Math.Sqrt((dLat * dLat) + (dLon * dLon));
    }
}
