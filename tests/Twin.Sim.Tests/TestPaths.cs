using Twin.Tests.Shared;

namespace Twin.Sim.Tests;

internal static class TestPaths
{
    public static string Typologies => RepoPaths.Typologies;

    public static string Samples => RepoPaths.Samples;

    public static string SharedReference => RepoPaths.SharedReference;
}
