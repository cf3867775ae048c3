using BenchmarkDotNet.Attributes;
using NetTopologySuite.IO;
using Silk.NET.OpenGL;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Viewer.Platform.Egl;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Benchmarks;

/// <summary>
/// The map path on whatever EGL offers (llvmpipe here): run-output WKB (WGS 84) to metric footprint columns, meshing,
/// and one steady 1920×1080 frame of an already uploaded mesh, drawn only (the interactive path) or with the colour
/// and id buffers read back (a PNG or a pick). GL work stays on one thread: BenchmarkDotNet runs setup and
/// iterations on the same thread.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private byte[]?[] _wkbWgs84 = null!;
    private PolygonColumns _footprints = null!;
    private double[] _heights = null!;
    private HeadlessContext _context = null!;
    private CityRenderer _renderer = null!;
    private Camera _camera = null!;

    [Params(10_000, 100_000)]
    public int Buildings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        FeatureTable t = SyntheticFeatures.Generate(Buildings, seed: 1);
        var toWgs84 = new Reprojector(CoordinateReferenceSystem.Poland1992, CoordinateReferenceSystem.Wgs84);
        var wkb = new WKBWriter();
        _wkbWgs84 = t.Geometries.Select(g => g is null ? null : wkb.Write(toWgs84.Transform(g))).ToArray();
        _footprints = PolygonColumns.FromGeometries(t.Geometries);
        _heights = t.Find("building:levels")!.Values.Select(v => 3.0 * Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        CityMesh mesh = CityMesh.Build(_footprints, _heights);
        _context = HeadlessContext.Create();
        _renderer = new CityRenderer(GL.GetApi(HeadlessContext.GetProcAddress), mesh);
        _renderer.SetValues(Enumerable.Range(0, Buildings).Select(i => (float)(i % 100) / 100f).ToArray());
        _camera = Camera.Frame(CameraKind.Oblique, mesh.Extent, mesh.Origin, mesh.MaxHeightM, 1920, 1080);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _renderer.Dispose();
        _context.Dispose();
    }

    [Benchmark(Description = "WKB (WGS 84) to footprint columns in EPSG:2180")]
    public int ToMetricColumns()
    {
        PolygonColumns c = WkbPolygons.Decode(_wkbWgs84, new string?[_wkbWgs84.Length]);
        c.TransformInPlace(new Reprojector(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.Poland1992));
        return c.X.Length;
    }

    [Benchmark(Description = "mesh footprints (walls + roofs)")]
    public int Mesh() => CityMesh.Build(_footprints, _heights).VertexCount;

    [Benchmark(Description = "steady frame 1920x1080, draw + glFinish")]
    public int Draw()
    {
        _renderer.Draw(_camera, ColourRamp.Viridis, 1920, 1080, (255, 255, 255));
        _renderer.Finish();
        return 0;
    }

    [Benchmark(Description = "steady frame 1920x1080 incl. colour + id read-back")]
    public int Frame() => _renderer.Render(_camera, ColourRamp.Viridis, 1920, 1080, (255, 255, 255)).Width;
}
