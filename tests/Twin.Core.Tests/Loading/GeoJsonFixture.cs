using System.Globalization;
using System.Text;

namespace Twin.Core.Tests.Loading;

/// <summary>Builds small GeoJSON files of rectangular footprints near central Warsaw for loader tests.</summary>
internal sealed class GeoJsonFixture
{
    private readonly List<string> _features = [];

    /// <summary>A rectangle of <paramref name="widthM"/> × <paramref name="depthM"/> metres whose south-west corner is offset (dx, dy) metres from 21.0° E, 52.23° N.</summary>
    public GeoJsonFixture Box(string properties, double dx, double dy, double widthM = 10, double depthM = 10)
    {
        const double MetresPerDegreeLat = 111_320.0, MetresPerDegreeLon = 111_320.0 * 0.6127; // cos 52.23° — adequate for fixtures
        double lon0 = 21.0 + (dx / MetresPerDegreeLon), lat0 = 52.23 + (dy / MetresPerDegreeLat);
        double lon1 = lon0 + (widthM / MetresPerDegreeLon), lat1 = lat0 + (depthM / MetresPerDegreeLat);
        string ring = string.Create(CultureInfo.InvariantCulture, $"[[{lon0},{lat0}],[{lon1},{lat0}],[{lon1},{lat1}],[{lon0},{lat1}],[{lon0},{lat0}]]");
        return Raw($"{{\"type\":\"Feature\",\"properties\":{{{properties}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{ring}]}}}}");
    }

    public GeoJsonFixture Raw(string featureJson)
    {
        _features.Add(featureJson);
        return this;
    }

    public string Write()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "stock.geojson");
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        sb.AppendJoin(',', _features);
        sb.Append("]}");
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
