using Twin.Tests.Shared;

namespace Twin.Cli.Tests;

/// <summary>The library example in docs/examples/QuickStart (the README's "From your own code") builds, runs and prints the numbers of 'twin sample'.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void QuickStart_PrintsTheSameHeadlinesAsTwinSample()
    {
        // The example is built with the solution, in the same configuration as this test (bin/<configuration>/net10.0).
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string example = Path.Combine(RepoPaths.Root, "docs", "examples", "QuickStart", "bin", configuration, "net10.0", "QuickStart.dll");
        Assert.True(File.Exists(example), $"{example} not built");

        string work = RepoPaths.NewTempDir();
        TwinProcess.Result ex = TwinProcess.Run([], workingDirectory: work, dll: example);
        Assert.True(ex.ExitCode == 0, ex.Stderr);
        TwinProcess.Result sample = TwinProcess.Run(["sample", "--out", "sample"], workingDirectory: work);
        Assert.True(sample.ExitCode == 0, sample.Stderr);

        string[] headlines = ex.Stdout.Split('\n').Where(l => l.Contains(" buildings renovated by ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, headlines.Length);
        Assert.All(headlines, h => Assert.Contains(h, sample.Stdout, StringComparison.Ordinal));
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(work, "out", "example"), "manifest.json", SearchOption.AllDirectories).Count());
    }
}
