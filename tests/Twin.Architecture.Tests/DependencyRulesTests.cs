using System.Reflection;
using NetArchTest.Rules;

namespace Twin.Architecture.Tests;

/// <summary>
/// The layering (STYLE.md): Viewer → Sim → Core and Pipeline → Sim → Core, the CLI on top; Core knows nothing of scenarios,
/// the pipeline or rendering; Sim sees no geometry library, file format or GPU; the libraries know no console front end.
/// Checked on the compiled types' dependencies (NetArchTest), not only on assembly references.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Core = typeof(Twin.Core.Stock.BuildingStock).Assembly;
    private static readonly Assembly Sim = typeof(Twin.Sim.Engine.Simulator).Assembly;
    private static readonly Assembly Pipeline = typeof(Twin.Pipeline.TwinData).Assembly;
    private static readonly Assembly Viewer = typeof(Twin.Viewer.Render.MapRenderer).Assembly;

    private static readonly string[] FrontEnds = ["Twin.Cli", "Spectre.Console", "System.CommandLine", "ScottPlot"];

    public static TheoryData<string, string[]> Forbidden() => new()
    {
        { "Twin.Core", ["Twin.Sim", "Twin.Pipeline", "Twin.Viewer", "Silk.NET", .. FrontEnds] },
        { "Twin.Sim", ["Twin.Pipeline", "Twin.Viewer", "Silk.NET", "NetTopologySuite", "ProjNet", "Parquet", "Microsoft.Data.Sqlite", .. FrontEnds] },
        { "Twin.Pipeline", ["Twin.Viewer", "Silk.NET", "SkiaSharp", .. FrontEnds] },
        { "Twin.Viewer", ["Twin.Pipeline", .. FrontEnds] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Library_DependsOnNoLaterLayer(string assembly, string[] forbidden)
    {
        TestResult result = Types.InAssembly(Assembly.Load(assembly)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{assembly} types depending on {string.Join(", ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>The file-system types: using any of them is touching files.</summary>
    private static readonly string[] FileSystem =
    [
        "System.IO.File", "System.IO.FileInfo", "System.IO.FileStream", "System.IO.Directory", "System.IO.DirectoryInfo",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.FileSystemInfo", "System.IO.FileSystemWatcher",
        "System.IO.Compression.ZipFile", "Microsoft.Data.Sqlite.SqliteConnection",
    ];

    public static TheoryData<string> Libraries() => ["Twin.Core", "Twin.Sim", "Twin.Pipeline", "Twin.Viewer"];

    /// <summary>Only the IO namespaces touch files: everything else gets streams, tables or paths from them, so it can be tested and hosted anywhere.</summary>
    [Theory]
    [MemberData(nameof(Libraries))]
    public void OnlyIoNamespaces_TouchFiles(string assembly)
    {
        TestResult result = Types.InAssembly(Assembly.Load(assembly)).That().DoNotResideInNamespaceMatching(@"^Twin\.[A-Za-z]+\.IO(\..*)?$")
            .ShouldNot().HaveDependencyOnAny(FileSystem).GetResult();
        Assert.True(result.IsSuccessful, $"{assembly} types outside an IO namespace that touch files: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void TheRulesSeeTheTypes()
    {
        // Guards against a rule passing because it matched no types at all.
        Assert.True(Types.InAssembly(Core).That().ResideInNamespace("Twin.Core.IO").GetTypes().Count() > 10);
        Assert.True(Types.InAssembly(Pipeline).That().HaveDependencyOn("Twin.Sim").GetTypes().Any());
        Assert.True(Types.InAssembly(Core).That().ResideInNamespace("Twin.Core.IO").And().HaveDependencyOnAny(FileSystem).GetTypes().Any());
        Assert.True(Types.InAssembly(Viewer).That().HaveDependencyOn("Silk.NET.OpenGL").GetTypes().Any());
        Assert.NotNull(Sim);
    }
}
