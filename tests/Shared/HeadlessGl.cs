namespace Twin.Tests.Shared;

/// <summary>GL work in tests (linked into the viewer and CLI test projects): skipped, with the reason, where this machine has no headless EGL/OpenGL.</summary>
internal static class HeadlessGl
{
    public static T OrSkip<T>(Func<T> render)
    {
        try
        {
            return render();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("EGL", StringComparison.Ordinal))
        {
            Skip.If(true, $"no headless OpenGL here (.ci/run installs libegl1 libegl-mesa0 libgl1-mesa-dri): {ex.Message}");
            throw;
        }
    }
}
