using System.Diagnostics;
using System.Security.Cryptography;
using Twin.Pipeline;
using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Cli.Tests;

/// <summary>
/// A real <c>twin run</c> process killed (SIGKILL) at several points never leaves a run folder that mixes two runs or
/// looks complete when it is not: the folder is the earlier complete run, a new complete run, or absent.
/// </summary>
public sealed class RunFolderKillTests
{
    /// <summary>Points to kill at: the first file of the temporary folder, a later one, its manifest, and early in the load.</summary>
    public static TheoryData<string> KillPoints() => ["tmp-folder", "buildings.parquet", "years.csv", "manifest.json", "after-300-ms"];

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void KilledRun_LeavesTheEarlierRunOrNone_NeverAMix(string killAt)
    {
        string parent = RepoPaths.NewTempDir();
        string dir = Path.Combine(parent, "bau");
        string[] args = ["run", "--stock", Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie", "buildings.geojson"), "--mapping", Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie", "bdot10k-mapping.json"), "--scenario", Path.Combine(RepoPaths.Samples, "scenarios", "bau.json"), "--out", dir];
        Assert.Equal(0, TwinProcess.Run(args).ExitCode);
        string earlier = RunDirectory.Open(dir).Manifest.RunId;

        using (Process p = TwinProcess.Start(args))
        {
            var clock = Stopwatch.StartNew();
            bool seenTmp = false;
            while (!p.HasExited && clock.ElapsedMilliseconds < 60_000)
            {
                string? tmp = Directory.EnumerateDirectories(parent, ".bau.tmp-*").FirstOrDefault();
                seenTmp |= tmp is not null;
                bool now = killAt switch
                {
                    "after-300-ms" => clock.ElapsedMilliseconds >= 300,
                    "tmp-folder" => tmp is not null,
                    _ => tmp is not null && File.Exists(Path.Combine(tmp, killAt)),
                };
                if (now)
                {
                    p.Kill(entireProcessTree: true);
                    break;
                }

                Thread.Sleep(1);
            }

            p.WaitForExit();
            Assert.True(killAt == "after-300-ms" || seenTmp, "the run was killed while writing its folder");
        }

        if (Directory.Exists(dir))
        {
            RunOutput run = RunDirectory.Open(dir); // complete, or this throws
            foreach (ManifestOutput o in run.Manifest.Outputs)
            {
                using FileStream f = File.OpenRead(Path.Combine(dir, o.File));
                Assert.Equal(o.Sha256, Convert.ToHexStringLower(SHA256.HashData(f))); // every file is of the run its manifest describes
            }

            Assert.True(run.Manifest.RunId == earlier || run.Manifest.Complete);
        }

        // The next run replaces whatever is left and removes the killed run's hidden leftovers.
        Assert.Equal(0, TwinProcess.Run(args).ExitCode);
        Assert.NotEqual(earlier, RunDirectory.Open(dir).Manifest.RunId);
        Assert.Equal(["bau"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }
}
