using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Cli.Tests;

/// <summary>twin as a user gets it: the program folder copied away from the repository, run from elsewhere; and the README's commands.</summary>
public sealed class ShippedProgramTests
{
    /// <summary>The program folder (twin.dll, its libraries, Linux natives and data/) copied outside the repository.</summary>
    private static readonly Lazy<string> Copied = new(() =>
    {
        string from = AppContext.BaseDirectory, to = Path.Combine(Path.GetTempPath(), "twin-shipped-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(from, file);
            bool wanted = rel.StartsWith("data" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || rel.StartsWith(Path.Combine("runtimes", "linux-x64"), StringComparison.Ordinal)
                || (!rel.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) && (rel.EndsWith(".dll", StringComparison.Ordinal) || rel.EndsWith(".json", StringComparison.Ordinal)) && !rel.StartsWith("Twin.Cli.Tests", StringComparison.Ordinal) && !rel.StartsWith("xunit", StringComparison.Ordinal));
            if (wanted)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, rel))!);
                File.Copy(file, Path.Combine(to, rel));
            }
        }

        return to;
    });

    [Fact]
    public void CopiedOutsideTheRepository_FindsItsData_AndRunsTheSample()
    {
        string work = RepoPaths.NewTempDir();
        TwinProcess.Result r = TwinProcess.Run(["sample", "--out", "out"], workingDirectory: work, dll: Path.Combine(Copied.Value, "twin.dll"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Business as usual (bau): 636 of 2,445 buildings renovated by 2050", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Directory.EnumerateDirectories(Path.Combine(work, "out", "runs")).Count());
        Assert.StartsWith(Copied.Value, RunDirectory.Open(Path.Combine(work, "out", "runs", "bau")).Manifest.Inputs.Single(i => i.Role == "data:unit-costs").Path, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFolderGoneAndNoneGiven_SaysWhatToDo()
    {
        string copy = Path.Combine(Path.GetTempPath(), "twin-nodata-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(copy);
        foreach (string f in Directory.EnumerateFiles(Copied.Value))
        {
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        }

        TwinProcess.Result r = TwinProcess.Run(["sample"], workingDirectory: copy, dll: Path.Combine(copy, "twin.dll"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("data folder not found", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--data DIR or TWIN_DATA=DIR", r.Stderr, StringComparison.Ordinal);
    }

    /// <summary>README: the --climate example, and a run over twin's own stock output simulating the 2,445 residential buildings of the original.</summary>
    [Fact]
    public void ReadmeCommands_ClimateAndOwnStockOutput()
    {
        string work = RepoPaths.NewTempDir();
        string samples = RepoPaths.Samples, stock = Path.Combine(samples, "warsaw-srodmiescie");
        TwinProcess.Result climate = TwinProcess.Run(["run", "--stock", Path.Combine(stock, "buildings.geojson"), "--mapping", Path.Combine(stock, "bdot10k-mapping.json"), "--scenario", Path.Combine(samples, "scenarios", "bau.json"), "--out", "monthly", "--climate", Path.Combine(samples, "weather", "warsaw_monthly_nsrdb2019.csv")], workingDirectory: work);
        Assert.True(climate.ExitCode == 0, climate.Stderr);
        Assert.Equal("warsaw_monthly_nsrdb2019", RunDirectory.Open(Path.Combine(work, "monthly")).Manifest.Climate);

        Assert.Equal(0, TwinProcess.Run(["stock", Path.Combine(stock, "buildings.geojson"), "--mapping", Path.Combine(stock, "bdot10k-mapping.json"), "--out", "stock"], workingDirectory: work).ExitCode);
        TwinProcess.Result again = TwinProcess.Run(["run", "--stock", Path.Combine("stock", "stock.parquet"), "--scenario", Path.Combine(samples, "scenarios", "bau.json"), "--out", "again"], workingDirectory: work);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(2445, RunDirectory.Open(Path.Combine(work, "again")).Manifest.BuildingsSimulated);
    }

    [Theory]
    [InlineData("synthetic.gpkg", "SQLite format 3")]
    [InlineData("synthetic.parquet", "PAR1")]
    [InlineData("synthetic.geojson", "{\"type\":\"FeatureCollection\"")]
    public void Synth_WritesTheFormatItsExtensionNames(string file, string magic)
    {
        string work = RepoPaths.NewTempDir();
        Assert.Equal(0, TwinProcess.Run(["synth", "--count", "50", "--out", file], workingDirectory: work).ExitCode);
        Assert.StartsWith(magic, System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(work, file))[..magic.Length]), StringComparison.Ordinal);
        Assert.Equal(2, TwinProcess.Run(["synth", "--count", "50", "--out", "synthetic.xlsx"], workingDirectory: work).ExitCode);
    }
}
