using Twin.Tests.Shared;
using Twin.Viewer.Platform;

namespace Twin.Viewer.Tests.Platform;

/// <summary>The gate of every GL test: it recognises the contexts' own exception (whatever its message says) and never skips in CI.</summary>
public sealed class HeadlessGlGateTests
{
    [Theory]
    [InlineData("eglInitialize failed (0x3001)")] // lower-case "egl…": the old gate matched "EGL" in the message and let these through as crashes
    [InlineData("GLFW could not start (no display?)")]
    public void NoOpenGl_OutsideCi_Skips(string message) =>
        Assert.Throws<SkipException>(() => HeadlessGl.OrSkip<int>(() => throw new GlUnavailableException(message), inCi: false));

    [Fact]
    public void NoOpenGl_InCi_Fails()
    {
        var ex = Assert.Throws<Xunit.Sdk.XunitException>(() => HeadlessGl.OrSkip<int>(() => throw new GlUnavailableException("eglMakeCurrent failed"), inCi: true));
        Assert.Contains("CI=true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherFailures_AreNotSkipped() =>
        Assert.Throws<InvalidOperationException>(() => HeadlessGl.OrSkip<int>(() => throw new InvalidOperationException("framebuffer incomplete"), inCi: false));
}
