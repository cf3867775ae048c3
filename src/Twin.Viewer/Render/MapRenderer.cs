using NetTopologySuite.Geometries;
using Silk.NET.OpenGL;
using Twin.Core.Spatial;
using Twin.Viewer.Platform.Egl;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Render;

/// <summary>Options of a headless map render; defaults in one place.</summary>
public sealed record MapOptions
{
    /// <summary>Image width [px].</summary>
    public int Width { get; init; } = 1920;

    /// <summary>Image height [px].</summary>
    public int Height { get; init; } = 1080;

    /// <summary>Top-down map or oblique 3D view.</summary>
    public CameraKind Camera { get; init; } = CameraKind.TopDown;

    /// <summary>Diverging ramp centred on zero (for differences between runs) instead of the sequential one.</summary>
    public bool Diverging { get; init; }

    /// <summary>Background colour (RGB).</summary>
    public (byte R, byte G, byte B) Background { get; init; } = (255, 255, 255);

    /// <summary>Title of the map; null draws the city only (no title, legend, north arrow or scale bar).</summary>
    public string? Title { get; init; }

    /// <summary>Name of the mapped quantity and its unit, for the legend.</summary>
    public string Quantity { get; init; } = "value";

    /// <summary>Unit of the mapped quantity (as the column registry gives it).</summary>
    public string Unit { get; init; } = "-";

    /// <summary>Fixed colour range (e.g. shared by the maps of several scenarios); null = from this map's values.</summary>
    public (double Min, double Max)? ValueRange { get; init; }

    /// <summary>Why no building has a value (e.g. none was simulated): the legend says so instead of drawing a ramp; null = there are values.</summary>
    public string? Empty { get; init; }
}

/// <summary>
/// The headless front door: footprints (metric CRS), heights and one value per building → a frame (image + id buffer),
/// through EGL and <see cref="CityRenderer"/>. Values are scaled to the ramp between their 2nd and 98th percentile
/// (sequential) or symmetric around zero (diverging), so a few outliers do not flatten the map.
/// </summary>
public static class MapRenderer
{
    /// <summary>Renders NTS footprints (see the column overload).</summary>
    public static (RenderedFrame Frame, double Min, double Max) Render(IReadOnlyList<Geometry?> footprints, IReadOnlyList<double> heightsM, IReadOnlyList<double> values, MapOptions options) =>
        Render(PolygonColumns.FromGeometries(footprints), heightsM, values, options);

    /// <summary>Renders footprints (metric CRS) extruded to their heights and coloured by their values.</summary>
    public static (RenderedFrame Frame, double Min, double Max) Render(PolygonColumns footprints, IReadOnlyList<double> heightsM, IReadOnlyList<double> values, MapOptions options)
    {
        CityMesh mesh = CityMesh.Build(footprints, heightsM);
        (double min, double max) = options.ValueRange ?? Range(values, options.Diverging);
        float[] t = values.Select(v => double.IsFinite(v) ? (float)((v - min) / (max - min)) : float.NaN).ToArray();
        using HeadlessContext context = HeadlessContext.Create();
        GL gl = GL.GetApi(HeadlessContext.GetProcAddress);
        using var renderer = new CityRenderer(gl, mesh);
        renderer.SetValues(t.Length > 0 ? t : [float.NaN]);
        Camera camera = Scene.Camera.Frame(options.Camera, mesh.Extent, mesh.Origin, mesh.MaxHeightM, options.Width, options.Height);
        ColourRamp ramp = options.Diverging ? ColourRamp.BlueRed : ColourRamp.Viridis;
        RenderedFrame frame = renderer.Render(camera, ramp, options.Width, options.Height, options.Background);
        if (options.Title is string title)
        {
            MapAnnotations.Draw(frame, new MapLegend(title, options.Quantity, options.Unit, min, max, ramp, options.Empty), camera.MetresPerPixel);
        }

        return (frame, min, max);
    }

    /// <summary>Ramp range: 2nd–98th percentile of the finite values, or ±98th percentile of |v| when diverging.</summary>
    public static (double Min, double Max) Range(IReadOnlyList<double> values, bool diverging)
    {
        // Array.Sort (introsort on doubles) rather than LINQ's stable Order: a viewer ranges millions of values per column.
        double[] finite = values.Where(double.IsFinite).Select(v => diverging ? Math.Abs(v) : v).ToArray();
        if (finite.Length == 0)
        {
            return (0, 1);
        }

        Array.Sort(finite);
        if (diverging)
        {
            double m = Math.Max(Percentile(finite, 0.98), 1e-12);
            return (-m, m);
        }

        double lo = Percentile(finite, 0.02), hi = Percentile(finite, 0.98);
        return hi > lo ? (lo, hi) : (lo - 0.5, lo + 0.5);
    }

    /// <summary>Linearly interpolated percentile of sorted values (numpy's default "linear" method).</summary>
    private static double Percentile(double[] sorted, double p)
    {
        double x = p * (sorted.Length - 1);
        int i = (int)Math.Floor(x);
        return i + 1 < sorted.Length ? sorted[i] + ((x - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }
}
