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
    /// <summary>The most cells a grid may have (a 1 km grid of a 1,000 × 1,000 km country).</summary>
    public const long MaxCells = 1_000_000;

    /// <summary>Square cells of <paramref name="cellSizeM"/> covering <paramref name="extent"/> (metric CRS), named by their south-west corner in km.</summary>
    /// <exception cref="Validation.InputException">The cell size is not 1 m–100 km, or the grid would have more than <see cref="MaxCells"/> cells.</exception>
    public static Neighbourhoods Create(Envelope extent, double cellSizeM)
    {
        if (!(cellSizeM is >= 1 and <= 100_000))
        {
            throw Validation.InputException.Argument("--cell", cellSizeM.ToString(CultureInfo.InvariantCulture), "is not a cell size of 1 m to 100 km", "Give the cell edge in metres, e.g. 500 (urban planning grids use 100–1,000 m).");
        }

        double count = extent.IsNull ? 0 : (Math.Floor(extent.Width / cellSizeM) + 2) * (Math.Floor(extent.Height / cellSizeM) + 2);
        if (count > MaxCells)
        {
            throw Validation.InputException.Argument("--cell", cellSizeM.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"would cut the stock's {extent.Width / 1000:0.#} × {extent.Height / 1000:0.#} km into about {count:G3} cells (at most {MaxCells:N0})"), "Give a larger cell, or check for buildings far from the rest.");
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
