using System.Globalization;
using NetTopologySuite.Geometries;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Core.Validation;

namespace Twin.Core.Loading;

/// <summary>
/// Checks before anything is measured: every coordinate finite and inside its CRS's range, each building's centre in
/// lon/lat (to choose the metric CRS robustly), and buildings far outside the chosen metric CRS's area rejected by id
/// rather than measured with distortion.
/// </summary>
internal static class Plausibility
{
    /// <summary>Rejects features with non-finite or out-of-range coordinates; sets the lon/lat centre of the others.</summary>
    public static void CheckCoordinates(FeatureTable table, StockLoader.RowState[] rows, CoordinateReferenceSystem source, IssueList issues, ParallelOptions parallel)
    {
        Reprojector? toLonLat = source.IsGeographic ? null : Reprojector.TryCreate(source, CoordinateReferenceSystem.Wgs84, out Reprojector? r, out _) ? r : null;
        Parallel.For(0, rows.Length, parallel, i =>
        {
            if (rows[i].RejectCode is not null || rows[i].Input is not Geometry g)
            {
                return;
            }

            if (Problem(g, source, toLonLat, out Coordinate? centre) is (string message, string hint))
            {
                StockLoader.Reject(rows, i, issues, "geometry", null, null, IssueCodes.ImplausibleCoordinates, message, hint);
                return;
            }

            rows[i].CentreLonLat = centre;
        });
    }

    private static (string, string)? Problem(Geometry g, CoordinateReferenceSystem source, Reprojector? toLonLat, out Coordinate? centre)
    {
        centre = null;
        var vertices = new VertexCheck(source.IsGeographic);
        g.Apply(vertices); // over the coordinate sequences: no copy of the vertices
        if (vertices.NotFinite)
        {
            return ("a vertex is not a finite number", "Repair or redraw the footprint in the source.");
        }

        if (vertices.Outside is (double x, double y))
        {
            string v = string.Create(CultureInfo.InvariantCulture, $"({x:G6}, {y:G6})");
            string hint = Math.Abs(x) > 1000 || Math.Abs(y) > 1000
                ? "These look like metres of a projected CRS: name it with --source-crs (e.g. EPSG:2180), or export the file in WGS 84."
                : "Longitudes lie in −180…180, latitudes in −90…90: check the vertex (and the axis order) in the source.";
            return ($"vertex {v} is outside longitude −180…180 / latitude −90…90", hint);
        }

        Envelope e = g.EnvelopeInternal;
        (double lon, double lat) = (e.Centre.X, e.Centre.Y);
        if (toLonLat is not null)
        {
            (lon, lat) = toLonLat.Transform(e.Centre.X, e.Centre.Y);
            if (!double.IsFinite(lon) || !double.IsFinite(lat) || Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
            {
                return ($"the footprint lies outside the area of {source.Label}", $"Check the coordinates, or name the right CRS with --source-crs (the file says {source.Label}).");
            }
        }

        centre = new Coordinate(lon, lat);
        return null;
    }

    /// <summary>Finds the first non-finite vertex, and (for a geographic CRS) the first one beyond ±180° / ±90°.</summary>
    private sealed class VertexCheck(bool geographic) : IEntireCoordinateSequenceFilter
    {
        public bool NotFinite { get; private set; }

        public (double X, double Y)? Outside { get; private set; }

        public bool Done => NotFinite;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                double x = seq.GetX(i), y = seq.GetY(i);
                if (!double.IsFinite(x) || !double.IsFinite(y))
                {
                    NotFinite = true;
                    return;
                }

                if (geographic && Outside is null && (Math.Abs(x) > 180 || Math.Abs(y) > 90))
                {
                    Outside = (x, y);
                }
            }
        }
    }

    /// <summary>Rejects buildings whose centre lies outside the metric CRS's area of use (<see cref="MetricCrs.AreaOfUse"/>).</summary>
    public static void RejectOutliers(StockLoader.RowState[] rows, CoordinateReferenceSystem metric, IssueList issues)
    {
        if (MetricCrs.AreaOfUse(metric) is not Envelope area)
        {
            return;
        }

        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].RejectCode is null && rows[i].CentreLonLat is Coordinate c && !area.Contains(c))
            {
                string at = string.Create(CultureInfo.InvariantCulture, $"{c.X:0.###}° E, {c.Y:0.###}° N");
                StockLoader.Reject(rows, i, issues, "geometry", at, null, IssueCodes.FarOutlier, $"lies at {at}, outside the area {metric.Label} (chosen for most of the stock) measures correctly", "Load buildings of distant places separately, or choose a metric CRS with --metric-crs; if the position is wrong, repair it in the source.");
            }
        }
    }
}
