using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Silk.NET.OpenGL;
using Twin.Viewer.Render;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Platform.Glfw;

/// <summary>One colouring of the city: a name for the title, a ramp position per building (NaN = no value), and the legend drawn in the window.</summary>
public sealed record ViewLayer(string Name, float[] Ramp01, bool Diverging = false, MapLegend? Legend = null);

/// <summary>Options of the window; defaults in one place.</summary>
public sealed record WindowOptions
{
    /// <summary>Window width [px].</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Window height [px].</summary>
    public int Height { get; init; } = 720;

    /// <summary>Close after this many seconds (scripted smoke tests); null = when the user closes it.</summary>
    public double? AutoCloseSeconds { get; init; }

    /// <summary>
    /// Draw this many frames turning the camera a step each (as a right-drag does), without waiting for vsync, then
    /// close: measures the interactive frame rate on this machine. 0 = interactive.
    /// </summary>
    public int OrbitFrames { get; init; }

    /// <summary>The defaults.</summary>
    public static WindowOptions Default { get; } = new();
}

/// <summary>
/// The desktop front door: a GLFW window with the same <see cref="CityRenderer"/> as the headless path. Left-drag pans,
/// right-drag orbits, the wheel zooms, a click (press and release within 4 px) picks the building under the cursor,
/// C cycles the column, S the scenario (run), Y the year, Esc closes. Redraws only when something changed (no spinning on Xvfb, notes §4.8).
/// One window per process: GLFW callbacks are static functions (no delegates the GC could collect, notes §3).
/// </summary>
public static unsafe class WindowViewer
{
    private static State? _state;

    /// <summary>
    /// Opens the window and runs until it is closed; <paramref name="onPick"/> gets (building index or −1, pixel x, pixel y).
    /// Returns the time of every frame drawn [ms]: draw, blit to the window, swap and glFinish.
    /// </summary>
    /// <exception cref="GlUnavailableException">No GLFW or no display: the message says so and points to <c>twin render</c>.</exception>
    public static IReadOnlyList<double> Run(CityMesh mesh, IReadOnlyList<ViewLayer> layers, Action<int, int, int> onPick, WindowOptions? options = null) =>
        Run(mesh, new ViewLayer[1, layers.Count, 1].Fill(layers), onPick, options);

    /// <summary>Layers as a grid [scenario, column, year]: S, C and Y step through its three axes.</summary>
    public static IReadOnlyList<double> Run(CityMesh mesh, ViewLayer[,,] layers, Action<int, int, int> onPick, WindowOptions? options = null)
    {
        options ??= WindowOptions.Default;
        try
        {
            Glfw.glfwSetErrorCallback(&OnError);
            if (Glfw.glfwInit() == 0)
            {
                throw new GlUnavailableException($"GLFW could not start ({_lastError ?? "no display?"}). Without a display use 'twin render' for PNG maps.");
            }
        }
        catch (DllNotFoundException ex)
        {
            throw new GlUnavailableException("GLFW 3.3+ is not installed (Debian/Ubuntu: libglfw3; macOS: brew install glfw; Windows: glfw3.dll next to twin). Without it use 'twin render' for PNG maps.", ex);
        }

        Glfw.glfwWindowHint(Glfw.ContextVersionMajor, 3);
        Glfw.glfwWindowHint(Glfw.ContextVersionMinor, 3);
        Glfw.glfwWindowHint(Glfw.OpenGlProfile, Glfw.OpenGlCoreProfile);
        Glfw.glfwWindowHint(Glfw.OpenGlForwardCompat, 1);
        nint window = Glfw.glfwCreateWindow(options.Width, options.Height, "BuildingTwin", 0, 0);
        if (window == 0)
        {
            Glfw.glfwTerminate();
            throw new GlUnavailableException($"GLFW could not open an OpenGL 3.3 core window ({_lastError}). Use 'twin render' for PNG maps.");
        }

        Glfw.glfwMakeContextCurrent(window);
        Glfw.glfwSwapInterval(options.OrbitFrames > 0 ? 0 : 1); // measuring: the renderer's rate, not the display's refresh
        GL gl = GL.GetApi(name => Glfw.glfwGetProcAddress(name));
        var renderer = new CityRenderer(gl, mesh);
        var overlay = new ScreenOverlay(gl);
        _state = new State(window, renderer, overlay, new OrbitCamera(mesh.Extent, mesh.Origin), layers, onPick);
        _state.Show();
        Glfw.glfwSetCursorPosCallback(window, &OnCursor);
        Glfw.glfwSetMouseButtonCallback(window, &OnButton);
        Glfw.glfwSetScrollCallback(window, &OnScroll);
        Glfw.glfwSetKeyCallback(window, &OnKey);
        double start = Glfw.glfwGetTime();
        try
        {
            while (Glfw.glfwWindowShouldClose(window) == 0)
            {
                if (options.OrbitFrames > 0)
                {
                    _state.OrbitStep();
                }

                if (_state.Dirty)
                {
                    _state.Draw();
                }

                if (options.OrbitFrames > 0)
                {
                    Glfw.glfwPollEvents();
                }
                else
                {
                    Glfw.glfwWaitEventsTimeout(0.25);
                }

                bool timeUp = options.AutoCloseSeconds is double limit && Glfw.glfwGetTime() - start > limit;
                if (timeUp || (options.OrbitFrames > 0 && _state.FrameTimesMs.Count > options.OrbitFrames))
                {
                    Glfw.glfwSetWindowShouldClose(window, 1);
                }
            }

            return _state.FrameTimesMs;
        }
        finally
        {
            overlay.Dispose(); // GL objects before the context goes (notes §4.1)
            renderer.Dispose();
            Glfw.glfwDestroyWindow(window);
            Glfw.glfwTerminate();
            _state = null;
        }
    }

    private static string? _lastError;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(int code, byte* description) => _lastError = $"GLFW error 0x{code:X}: {Marshal.PtrToStringUTF8((nint)description)}";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnCursor(nint window, double x, double y) => _state?.Cursor(x, y);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnButton(nint window, int button, int action, int mods) => _state?.Button(button, action);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnScroll(nint window, double dx, double dy) => _state?.Scroll(dy);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnKey(nint window, int key, int scancode, int action, int mods) => _state?.Key(key, action);

    private static ViewLayer[,,] Fill(this ViewLayer[,,] grid, IReadOnlyList<ViewLayer> layers)
    {
        for (int k = 0; k < layers.Count; k++)
        {
            grid[0, k, 0] = layers[k];
        }

        return grid;
    }

    private sealed class State(nint window, CityRenderer renderer, ScreenOverlay overlay, OrbitCamera camera, ViewLayer[,,] layers, Action<int, int, int> onPick)
    {
        private int _scenario, _column, _year;
        private int _pressedButton = -1;
        private double _pressX, _pressY, _lastX, _lastY;

        public bool Dirty { get; private set; } = true;

        public List<double> FrameTimesMs { get; } = [];

        private ViewLayer Current => layers[_scenario, _column, _year];

        public void Show()
        {
            renderer.SetValues(Current.Ramp01);
            if (Current.Legend is MapLegend legend)
            {
                overlay.SetImage(MapAnnotations.Panel(legend), MapAnnotations.PanelWidth, MapAnnotations.PanelHeight);
            }

            Glfw.glfwSetWindowTitle(window, $"BuildingTwin — {Current.Name} (C column, S scenario, Y year, click pick, drag pan, right-drag orbit, wheel zoom)");
            Dirty = true;
        }

        public void Draw()
        {
            double start = Glfw.glfwGetTime();
            (int w, int h) = FramebufferSize();
            renderer.Draw(camera.ToCamera(w, h), Current.Diverging ? ColourRamp.BlueRed : ColourRamp.Viridis, w, h, (255, 255, 255));
            renderer.BlitToScreen(w, h);
            overlay.BlitToScreenBottomLeft();
            Glfw.glfwSwapBuffers(window);
            renderer.Finish();
            FrameTimesMs.Add((Glfw.glfwGetTime() - start) * 1000);
            Dirty = false;
        }

        /// <summary>One step of a steady orbit (2.4°, an 8-pixel right-drag).</summary>
        public void OrbitStep()
        {
            camera.Orbit(8, 0);
            Dirty = true;
        }

        public void Cursor(double x, double y)
        {
            (int _, int h) = FramebufferSize();
            if (_pressedButton == Glfw.MouseLeft)
            {
                camera.Pan(x - _lastX, y - _lastY, h);
                Dirty = true;
            }
            else if (_pressedButton == Glfw.MouseRight)
            {
                camera.Orbit(x - _lastX, y - _lastY);
                Dirty = true;
            }

            (_lastX, _lastY) = (x, y);
        }

        public void Button(int button, int action)
        {
            double x, y;
            Glfw.glfwGetCursorPos(window, &x, &y);
            if (action == Glfw.Press)
            {
                (_pressedButton, _pressX, _pressY, _lastX, _lastY) = (button, x, y, x, y);
                return;
            }

            _pressedButton = -1;
            if (button == Glfw.MouseLeft && Math.Abs(x - _pressX) <= 4 && Math.Abs(y - _pressY) <= 4)
            {
                // Cursor positions are in window units; the framebuffer can be larger on HiDPI screens (notes §4.10).
                int ww, wh, fw, fh;
                Glfw.glfwGetWindowSize(window, &ww, &wh);
                Glfw.glfwGetFramebufferSize(window, &fw, &fh);
                int px = (int)(x * fw / Math.Max(1, ww)), py = (int)(y * fh / Math.Max(1, wh));
                onPick(renderer.Pick(px, py), px, py);
            }
        }

        public void Scroll(double steps)
        {
            camera.Zoom(steps);
            Dirty = true;
        }

        public void Key(int key, int action)
        {
            if (action != Glfw.Press)
            {
                return;
            }

            if (key == Glfw.KeyEscape)
            {
                Glfw.glfwSetWindowShouldClose(window, 1);
            }
            else if (key == Glfw.KeyC)
            {
                _column = (_column + 1) % layers.GetLength(1);
                Show();
            }
            else if (key == Glfw.KeyS)
            {
                _scenario = (_scenario + 1) % layers.GetLength(0);
                Show();
            }
            else if (key == Glfw.KeyY)
            {
                _year = (_year + 1) % layers.GetLength(2);
                Show();
            }
        }

        private (int W, int H) FramebufferSize()
        {
            int w, h;
            Glfw.glfwGetFramebufferSize(window, &w, &h);
            return (Math.Max(1, w), Math.Max(1, h));
        }
    }
}
