using System.Runtime.InteropServices;

namespace Twin.Viewer.Platform.Egl;

/// <summary>
/// A headless OpenGL 3.3 core context through EGL (libEGL.so.1, glvnd): the device platform first (Mesa's software
/// device, or a GPU's), then Mesa's surfaceless platform, with a 16×16 pbuffer; all rendering goes into own FBOs.
/// One display per process, never terminated (displays are shared between threads, viewer-notes §4.13);
/// one context per instance, used on the creating thread only.
/// </summary>
public sealed unsafe partial class HeadlessContext : IDisposable
{
    private const string Lib = "libEGL.so.1";
    private const int EglNone = 0x3038, EglOpenGlApi = 0x30A2, EglPlatformDevice = 0x313F, EglPlatformSurfaceless = 0x31DD;
    private static readonly Lazy<nint> SharedDisplay = new(OpenDisplay);
    private nint _context, _surface;

    private HeadlessContext(nint context, nint surface)
    {
        _context = context;
        _surface = surface;
    }

    /// <summary>Creates and makes current a context, or throws <see cref="GlUnavailableException"/> saying what is missing.</summary>
    public static HeadlessContext Create()
    {
        nint display;
        try
        {
            display = SharedDisplay.Value;
        }
        catch (DllNotFoundException ex)
        {
            throw new GlUnavailableException("libEGL.so.1 not found: install libegl1 libegl-mesa0 libgl1-mesa-dri (Debian/Ubuntu) for headless rendering.", ex);
        }

        if (eglBindAPI(EglOpenGlApi) == 0)
        {
            throw new GlUnavailableException($"eglBindAPI(OpenGL) failed (0x{eglGetError():X}).");
        }

        int[] configAttribs = [0x3024, 8, 0x3023, 8, 0x3022, 8, 0x3021, 8, 0x3025, 24, 0x3033, 0x0001, 0x3040, 0x0008, EglNone];
        nint config;
        int count;
        fixed (int* attribs = configAttribs)
        {
            if (eglChooseConfig(display, attribs, &config, 1, &count) == 0 || count == 0)
            {
                throw new GlUnavailableException($"no EGL config with RGBA8 + depth 24 + pbuffer + OpenGL (0x{eglGetError():X}).");
            }
        }

        int[] contextAttribs = [0x3098, 3, 0x30FB, 3, 0x30FD, 1, EglNone];
        nint context;
        fixed (int* attribs = contextAttribs)
        {
            context = eglCreateContext(display, config, 0, attribs);
        }

        if (context == 0)
        {
            throw new GlUnavailableException($"eglCreateContext (OpenGL 3.3 core) failed (0x{eglGetError():X}).");
        }

        int[] pbufferAttribs = [0x3057, 16, 0x3056, 16, EglNone];
        nint surface;
        fixed (int* attribs = pbufferAttribs)
        {
            surface = eglCreatePbufferSurface(display, config, attribs);
        }

        if (eglMakeCurrent(display, surface, surface, context) == 0)
        {
            throw new GlUnavailableException($"eglMakeCurrent failed (0x{eglGetError():X}).");
        }

        return new HeadlessContext(context, surface);
    }

    /// <summary>An OpenGL entry point of the current context (for Silk.NET's GL.GetApi).</summary>
    public static nint GetProcAddress(string name) => eglGetProcAddress(name);

    /// <summary>Releases the context and its surface (the display stays, shared by the process).</summary>
    public void Dispose()
    {
        nint display = SharedDisplay.Value;
        _ = eglMakeCurrent(display, 0, 0, 0); // failures while tearing down are not actionable
        if (_surface != 0)
        {
            _ = eglDestroySurface(display, _surface);
            _surface = 0;
        }

        if (_context != 0)
        {
            _ = eglDestroyContext(display, _context);
            _context = 0;
        }

        _ = eglReleaseThread();
    }

    private static nint OpenDisplay()
    {
        nint display = 0;
        nint queryDevices = eglGetProcAddress("eglQueryDevicesEXT");
        if (queryDevices != 0)
        {
            var query = (delegate* unmanaged[Cdecl]<int, nint*, int*, uint>)queryDevices;
            nint* devices = stackalloc nint[8];
            int n;
            if (query(8, devices, &n) != 0 && n > 0)
            {
                display = eglGetPlatformDisplay(EglPlatformDevice, devices[0], null);
            }
        }

        if (display == 0 || !Initialize(display))
        {
            display = eglGetPlatformDisplay(EglPlatformSurfaceless, 0, null);
            if (display == 0 || !Initialize(display))
            {
                throw new GlUnavailableException($"no EGL display (device or surfaceless platform) could be initialised (0x{eglGetError():X}); install libegl-mesa0 and libgl1-mesa-dri.");
            }
        }

        return display;
    }

    private static bool Initialize(nint display)
    {
        int major, minor;
        return eglInitialize(display, &major, &minor) != 0;
    }

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint eglGetProcAddress(string name);

    [LibraryImport(Lib)]
    private static partial nint eglGetPlatformDisplay(int platform, nint nativeDisplay, nint* attribs);

    [LibraryImport(Lib)]
    private static partial uint eglInitialize(nint display, int* major, int* minor);

    [LibraryImport(Lib)]
    private static partial uint eglBindAPI(int api);

    [LibraryImport(Lib)]
    private static partial uint eglChooseConfig(nint display, int* attribs, nint* configs, int size, int* count);

    [LibraryImport(Lib)]
    private static partial nint eglCreateContext(nint display, nint config, nint share, int* attribs);

    [LibraryImport(Lib)]
    private static partial nint eglCreatePbufferSurface(nint display, nint config, int* attribs);

    [LibraryImport(Lib)]
    private static partial uint eglMakeCurrent(nint display, nint draw, nint read, nint context);

    [LibraryImport(Lib)]
    private static partial int eglGetError();

    [LibraryImport(Lib)]
    private static partial uint eglDestroySurface(nint display, nint surface);

    [LibraryImport(Lib)]
    private static partial uint eglDestroyContext(nint display, nint context);

    [LibraryImport(Lib)]
    private static partial uint eglReleaseThread();
}
