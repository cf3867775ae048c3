using System.Reflection;
using System.Runtime.InteropServices;

namespace Twin.Viewer.Platform.Glfw;

/// <summary>
/// The part of the GLFW 3.3 C API the viewer needs, through P/Invoke to the system library (Silk.NET.Windowing/GLFW
/// are not available here: viewer-notes.md). "glfw" resolves to libglfw.so.3 / libglfw.3.dylib / glfw3.dll.
/// </summary>
internal static unsafe partial class Glfw
{
    public const int ContextVersionMajor = 0x22002, ContextVersionMinor = 0x22003, OpenGlProfile = 0x22008, OpenGlCoreProfile = 0x32001, OpenGlForwardCompat = 0x22006;
    public const int Press = 1, Release = 0, MouseLeft = 0, MouseRight = 1, KeyEscape = 256, KeyC = 67, KeyS = 83, KeyY = 89;
    private const string Lib = "glfw";

    static Glfw() => NativeLibrary.SetDllImportResolver(typeof(Glfw).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Lib)
        {
            return 0;
        }

        foreach (string candidate in new[] { "libglfw.so.3", "libglfw.so", "libglfw.3.dylib", "glfw3.dll" })
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out nint handle))
            {
                return handle;
            }
        }

        return 0;
    }

    [LibraryImport(Lib)]
    public static partial int glfwInit();

    [LibraryImport(Lib)]
    public static partial void glfwTerminate();

    [LibraryImport(Lib)]
    public static partial void glfwWindowHint(int hint, int value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint glfwCreateWindow(int width, int height, string title, nint monitor, nint share);

    [LibraryImport(Lib)]
    public static partial void glfwDestroyWindow(nint window);

    [LibraryImport(Lib)]
    public static partial void glfwMakeContextCurrent(nint window);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint glfwGetProcAddress(string name);

    [LibraryImport(Lib)]
    public static partial void glfwSwapBuffers(nint window);

    [LibraryImport(Lib)]
    public static partial void glfwWaitEventsTimeout(double timeout);

    [LibraryImport(Lib)]
    public static partial void glfwPollEvents();

    [LibraryImport(Lib)]
    public static partial void glfwSwapInterval(int interval);

    [LibraryImport(Lib)]
    public static partial int glfwWindowShouldClose(nint window);

    [LibraryImport(Lib)]
    public static partial void glfwSetWindowShouldClose(nint window, int value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void glfwSetWindowTitle(nint window, string title);

    [LibraryImport(Lib)]
    public static partial void glfwGetFramebufferSize(nint window, int* width, int* height);

    [LibraryImport(Lib)]
    public static partial void glfwGetWindowSize(nint window, int* width, int* height);

    [LibraryImport(Lib)]
    public static partial void glfwGetCursorPos(nint window, double* x, double* y);

    [LibraryImport(Lib)]
    public static partial double glfwGetTime();

    [LibraryImport(Lib)]
    public static partial nint glfwSetErrorCallback(delegate* unmanaged[Cdecl]<int, byte*, void> callback);

    [LibraryImport(Lib)]
    public static partial nint glfwSetCursorPosCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    [LibraryImport(Lib)]
    public static partial nint glfwSetMouseButtonCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, void> callback);

    [LibraryImport(Lib)]
    public static partial nint glfwSetScrollCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    [LibraryImport(Lib)]
    public static partial nint glfwSetKeyCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, int, void> callback);
}
