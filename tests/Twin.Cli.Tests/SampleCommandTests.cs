namespace Twin.Cli.Tests;

public sealed class SampleCommandTests
{
    [Fact]
    public void Sample_RunsTheMainJob_WritesOutputs()
    {
        string outDir = Path.Combine(Path.GetTempPath(), "twin-cli-" + Guid.NewGuid().ToString("N")[..8]);
        int code = Program.Main(["sample", "--out", outDir]);
        Assert.Equal(0, code);
        foreach (string f in new[] { "stock.parquet", "stock.geojson", "rejects.geojson", "issues.csv" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, f)).Length > 0, f);
        }
    }

    [Fact]
    public void Stock_MissingFile_ExitCode2()
    {
        Assert.Equal(2, Program.Main(["stock", "/nonexistent/buildings.geojson"]));
    }

    [Fact]
    public void Stock_UnknownCrsOption_ExitCode2()
    {
        string sample = Path.Combine(FindRoot(), "data", "samples", "warsaw-srodmiescie", "buildings.geojson");
        Assert.Equal(2, Program.Main(["stock", sample, "--metric-crs", "EPSG:999999"]));
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "BuildingTwin.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("BuildingTwin.sln");
    }
}
