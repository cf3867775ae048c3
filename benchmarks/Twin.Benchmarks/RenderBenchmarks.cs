using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using Silk.NET.OpenGL;
using Twin.Core.IO;
using Twin.Viewer.Platform.Egl;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Benchmarks;

/// <summary>
/// Headless rendering on whatever EGL offers (llvmpipe here): meshing of synthetic footprints, and one steady
/// 1920×1080 frame (draw + read back colour and id buffers) of an already uploaded mesh — the frame time of an
/// interactive view. GL work stays on one thread: BenchmarkDotNet runs setup and iterations on the same thread.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private Geometry?[] _footprints = null!;
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
        _footprints = t.Geometries;
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

    [Benchmark(Description = "mesh footprints (walls + roofs)")]
    public int Mesh() => CityMesh.Build(_footprints, _heights).VertexCount;

    [Benchmark(Description = "steady frame 1920x1080 incl. colour + id read-back")]
    public int Frame() => _renderer.Render(_camera, ColourRamp.Viridis, 1920, 1080, (255, 255, 255)).Width;
}
