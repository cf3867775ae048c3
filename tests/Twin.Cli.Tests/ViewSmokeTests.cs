using System.Diagnostics;
using Silk.NET.OpenGL;
using Twin.Core.IO;
using Twin.Tests.Shared;
using Twin.Viewer.Platform.Egl;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Cli.Tests;

/// <summary>
/// `twin view` for real: under Xvfb with system GLFW, xdotool clicks a pixel and the window must print the building
/// that the headless renderer (same mesh, same initial camera) has under that pixel. Skipped without xvfb-run, xdotool,
/// libglfw3 or EGL.
/// </summary>
public sealed class ViewSmokeTests
{
    private const int Width = 1280, Height = 720;

    [SkippableFact]
    public void View_UnderXvfb_ClickPicksTheBuildingTheHeadlessRendererSees()
    {
        HeadlessGl.Require(OnPath("xvfb-run") && OnPath("xdotool") && File.Exists("/usr/lib/x86_64-linux-gnu/libglfw.so.3"), "needs xvfb-run, xdotool and libglfw3 (installed by .ci/run)");
        string run = SampleRun();
        (int x, int y, string expectedId) = ReferencePick(run);

        string script = Path.Combine(Path.GetTempPath(), $"twin-view-smoke-{Guid.NewGuid():N}.sh");
        string output = script + ".out";
        string twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
        File.WriteAllText(script, $"""
            #!/usr/bin/env bash
            dotnet "{twin}" view --results "{run}" "{Other(run)}" --auto-close 20 > "{output}" 2>&1 &
            pid=$!
            for i in $(seq 100); do xdotool search --name BuildingTwin >/dev/null 2>&1 && break; sleep 0.2; done
            sleep 1.5
            xdotool mousemove {x} {y}; sleep 0.3; xdotool mousedown 1; sleep 0.1; xdotool mouseup 1; sleep 0.5
            xdotool key c; sleep 0.3; xdotool key y; sleep 0.3; xdotool key s; sleep 0.5
            xdotool mousedown 1; sleep 0.1; xdotool mouseup 1; sleep 0.5
            xdotool key Escape
            wait $pid
            """);
        var psi = new ProcessStartInfo("xvfb-run", ["-a", "-s", $"-screen 0 {Width}x{Height}x24", "bash", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process p = Process.Start(psi)!;
        Assert.True(p.WaitForExit(60_000), "the smoke test timed out");
        string text = File.ReadAllText(output);
        string line = $"picked at {x},{y}: {expectedId}";
        Assert.Equal(2, text.Split('\n').Count(l => l.Trim() == line)); // before and after switching column, year and scenario
        Assert.Equal(0, p.ExitCode);
    }

    /// <summary>The window shows the legend panel bottom left: a screenshot (xwd) has the ramp's ends where the panel puts its bar.</summary>
    [SkippableFact]
    public void View_UnderXvfb_ShowsTheLegendPanel()
    {
        HeadlessGl.Require(OnPath("xvfb-run") && OnPath("xdotool") && OnPath("xwd") && File.Exists("/usr/lib/x86_64-linux-gnu/libglfw.so.3"), "needs xvfb-run, xdotool, xwd (x11-apps) and libglfw3 (installed by .ci/run)");
        string run = SampleRun();
        string shot = Path.Combine(Path.GetTempPath(), $"twin-view-shot-{Guid.NewGuid():N}.xwd");
        string twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
        string script = shot + ".sh";
        File.WriteAllText(script, $"""
            #!/usr/bin/env bash
            dotnet "{twin}" view --results "{run}" "{Other(run)}" --auto-close 20 > /dev/null 2>&1 &
            pid=$!
            for i in $(seq 100); do xdotool search --name BuildingTwin >/dev/null 2>&1 && break; sleep 0.2; done
            sleep 1.5
            xwd -root -silent > "{shot}"
            xdotool key s; sleep 0.3; xdotool key s; sleep 1
            xwd -root -silent > "{shot}.diff"
            xdotool key Escape
            wait $pid
            """);
        var psi = new ProcessStartInfo("xvfb-run", ["-a", "-s", $"-screen 0 {Width}x{Height}x24", "bash", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process p = Process.Start(psi)!;
        Assert.True(p.WaitForExit(60_000), "timed out");

        // First the run on viridis; after S, S the third scenario, "run − run", on the diverging ramp.
        AssertLegendRamp(ReadXwd(File.ReadAllBytes(shot)), ColourRamp.Viridis);
        AssertLegendRamp(ReadXwd(File.ReadAllBytes(shot + ".diff")), ColourRamp.BlueRed);
    }

    private static void AssertLegendRamp(Func<int, int, (byte R, byte G, byte B)> pixel, ColourRamp ramp)
    {
        (int barX, int barY, _, int barH) = MapAnnotations.LegendBar(MapAnnotations.PanelWidth, MapAnnotations.PanelHeight);
        int y = Height - MapAnnotations.PanelHeight + barY + (barH / 2);
        foreach (int k in new[] { 2, 150, 297 })
        {
            (byte r, byte g, byte b) = ramp.At(k / 299.0);
            (byte R, byte G, byte B) got = pixel(barX + k, y);
            Assert.True(Math.Abs(got.R - r) <= 3 && Math.Abs(got.G - g) <= 3 && Math.Abs(got.B - b) <= 3, $"legend bar at {k}: expected ({r},{g},{b}), window shows {got}");
        }
    }

    /// <summary>A minimal XWD (X Window Dump, ZPixmap, 24-bit depth in 32-bit pixels) reader: pixel (x, y) as RGB.</summary>
    private static Func<int, int, (byte R, byte G, byte B)> ReadXwd(byte[] d)
    {
        uint Field(int k) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(4 * k));
        int headerSize = (int)Field(0), byteOrder = (int)Field(7), bytesPerLine = (int)Field(12), colours = (int)Field(19);
        Assert.Equal(32u, Field(11)); // bits per pixel
        int start = headerSize + (colours * 12);
        return (x, y) =>
        {
            int at = start + (y * bytesPerLine) + (4 * x);
            return byteOrder == 0 ? (d[at + 2], d[at + 1], d[at]) : (d[at + 1], d[at + 2], d[at + 3]);
        };
    }

    [SkippableFact]
    public void View_OrbitFrames_DrawsThemAndPrintsFrameTimes()
    {
        HeadlessGl.Require(OnPath("xvfb-run") && File.Exists("/usr/lib/x86_64-linux-gnu/libglfw.so.3"), "needs xvfb-run and libglfw3 (installed by .ci/run)");
        string run = SampleRun();
        string twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
        var psi = new ProcessStartInfo("xvfb-run", ["-a", "-s", "-screen 0 800x600x24", "dotnet", twin, "view", "--results", run, "--size", "640x480", "--orbit-frames", "5"]) { RedirectStandardOutput = true };
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "timed out");
        Assert.Equal(0, p.ExitCode);
        Assert.Matches(@"window 640×480, 4,930 buildings: first frame \d+\.\d ms; 5 orbit frames: median \d+\.\d ms", output);
    }

    /// <summary>A pixel near the centre whose 7×7 neighbourhood shows one building, in the headless frame of the window's first view.</summary>
    private static (int X, int Y, string Id) ReferencePick(string run)
    {
        FeatureTable t = Twin.Pipeline.IO.RunDirectory.Open(run).ReadBuildings();
        CityMesh mesh = CityMesh.Build(RenderCommand.ToMetric(t), RenderCommand.Heights(t));
        RenderedFrame frame = HeadlessGl.OrSkip(() =>
        {
            using HeadlessContext context = HeadlessContext.Create();
            using var renderer = new CityRenderer(GL.GetApi(HeadlessContext.GetProcAddress), mesh);
            return renderer.Render(new OrbitCamera(mesh.Extent, mesh.Origin).ToCamera(Width, Height), ColourRamp.Viridis, Width, Height, (255, 255, 255));
        });

        var candidates = from dy in Enumerable.Range(-200, 400)
                         from dx in Enumerable.Range(-300, 600)
                         let px = (Width / 2) + dx
                         let py = (Height / 2) + dy
                         orderby (dx * dx) + (dy * dy)
                         select (px, py);
        foreach ((int px, int py) in candidates)
        {
            int id = frame.BuildingAt(px, py);
            if (id >= 0 && Enumerable.Range(-3, 7).All(a => Enumerable.Range(-3, 7).All(b => frame.BuildingAt(px + a, py + b) == id)))
            {
                return (px, py, t.Find("building_id")!.Values[id]!.ToString()!);
            }
        }

        throw new Xunit.Sdk.XunitException("no building large enough on screen to click");
    }

    /// <summary>The bau run of the sample; <see cref="Other"/> is the shallow-heat-pump run of the same stock beside it.</summary>
    private static string SampleRun()
    {
        string outDir = Path.Combine(Path.GetTempPath(), "twin-view-" + Guid.NewGuid().ToString("N")[..8]);
        string root = Twin.Tests.Shared.RepoPaths.Root, scenarios = Path.Combine(root, "data", "samples", "scenarios");
        Assert.Equal(0, Program.Main(["run", "--stock", Path.Combine(root, "data", "samples", "warsaw-srodmiescie", "buildings.geojson"), "--mapping", Path.Combine(root, "data", "samples", "warsaw-srodmiescie", "bdot10k-mapping.json"), "--scenario", Path.Combine(scenarios, "bau.json"), Path.Combine(scenarios, "shallow-heat-pump.json"), "--out", outDir, "--format", "geoparquet"]));
        return Path.Combine(outDir, "bau");
    }

    private static string Other(string run) => Path.Combine(Path.GetDirectoryName(run)!, "shallow-heat-pump");

    private static bool OnPath(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}
