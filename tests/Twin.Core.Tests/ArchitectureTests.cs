using System.Reflection;

namespace Twin.Core.Tests;

/// <summary>Dependency rule: Viewer → Sim → Core → (NTS, ProjNet, Parquet.Net); never backwards.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("Twin.Core", new[] { "Twin.Sim", "Twin.Viewer", "Twin.Cli", "Silk.NET.OpenGL", "Spectre.Console", "System.CommandLine" })]
    [InlineData("Twin.Sim", new[] { "Twin.Viewer", "Twin.Cli", "Silk.NET.OpenGL", "Spectre.Console", "System.CommandLine", "NetTopologySuite", "ProjNet", "Parquet" })]
    [InlineData("Twin.Viewer", new[] { "Twin.Cli", "Spectre.Console", "System.CommandLine" })]
    public void Assembly_DoesNotReferenceLaterLayers(string assembly, string[] forbidden)
    {
        string[] references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        foreach (string f in forbidden)
        {
            Assert.DoesNotContain(f, references);
        }
    }
}
