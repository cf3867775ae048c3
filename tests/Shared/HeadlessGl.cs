using Twin.Viewer.Platform;

namespace Twin.Tests.Shared;

/// <summary>
/// GL and window work in tests (linked into the viewer and CLI test projects). Where this machine cannot make an OpenGL
/// context (no EGL/Mesa, no GLFW, no X server) the test is skipped with the reason — except in CI (CI=true), where
/// .ci/run installs all of it, so a test that cannot run there is a failure, never a silent skip.
/// </summary>
internal static class HeadlessGl
{
    /// <summary>True when the CI variable says so (GitHub Actions, GitLab and .ci/run set CI=true).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static T OrSkip<T>(Func<T> render) => OrSkip(render, InCi);

    /// <summary>Runs <paramref name="render"/>; when it finds no OpenGL, skips (or, <paramref name="inCi"/>, fails) with the reason.</summary>
    public static T OrSkip<T>(Func<T> render, bool inCi)
    {
        try
        {
            return render();
        }
        catch (GlUnavailableException ex)
        {
            Require(false, $"no headless OpenGL here (.ci/run installs libegl1 libegl-mesa0 libgl1-mesa-dri): {ex.Message}", inCi);
            throw;
        }
    }

    /// <summary>Skips (outside CI) or fails (in CI) when what a GL or window test needs is not available.</summary>
    public static void Require(bool available, string reason) => Require(available, reason, InCi);

    private static void Require(bool available, string reason, bool inCi)
    {
        if (available)
        {
            return;
        }

        if (inCi)
        {
            throw new Xunit.Sdk.XunitException($"CI=true, so this GL/window test must run, but: {reason}");
        }

        Skip.If(true, reason);
    }
}
