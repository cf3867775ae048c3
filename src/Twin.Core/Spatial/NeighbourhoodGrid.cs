using System.Globalization;
using NetTopologySuite.Geometries;

namespace Twin.Core.Spatial;

/// <summary>
/// Square analysis cells over an extent in a metric CRS, aligned to multiples of the cell size (as the
/// EEA reference grid aligns to its CRS origin), named "{size}m_E{easting km}_N{northing km}" by their
/// south-west corner. Used where no administrative neighbourhood boundaries are available.
/// </summary>
public static class NeighbourhoodGrid
{
    /// <summary>Square cells of <paramref name="cellSizeM"/> covering <paramref name="extent"/> (metric CRS), named by their south-west corner in km.</summary>
    public static Neighbourhoods Create(Envelope extent, double cellSizeM)
    {
        if (cellSizeM <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cellSizeM), cellSizeM, "Cell size must be positive (metres).");
        }

        var factory = new GeometryFactory();
        double x0 = Math.Floor(extent.MinX / cellSizeM) * cellSizeM, y0 = Math.Floor(extent.MinY / cellSizeM) * cellSizeM;
        var names = new List<string>();
        var cells = new List<Geometry>();
        for (double y = y0; y < extent.MaxY; y += cellSizeM)
        {
            for (double x = x0; x < extent.MaxX; x += cellSizeM)
            {
                names.Add(string.Create(CultureInfo.InvariantCulture, $"{cellSizeM:0}m_E{x / 1000:0.0##}_N{y / 1000:0.0##}"));
                cells.Add(factory.ToGeometry(new Envelope(x, x + cellSizeM, y, y + cellSizeM)));
            }
        }

        return Neighbourhoods.FromAreas(names, cells);
    }
}
