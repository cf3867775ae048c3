using System.Diagnostics;
using Twin.Tests.Shared;

namespace Twin.Cli.Tests;

/// <summary>
/// A real <c>twin run</c> sent SIGINT (Ctrl+C) or SIGTERM (kill, scancel) ends with exit 130 and leaves no stray file:
/// no run folder, no hidden temporary folder, no <c>*.tmp-PID</c> file (issue 9). The signal is sent once the run has
/// loaded its stock (its first line on stdout) or once it is writing (its temporary folder exists).
/// </summary>
public sealed class InterruptTests
{
    [Theory]
    [InlineData("INT", "loaded")]
    [InlineData("TERM", "loaded")]
    [InlineData("INT", "writing")]
    [InlineData("TERM", "writing")]
    public async Task Signal_Exits130_LeavingNothing(string signal, string when)
    {
        string parent = RepoPaths.NewTempDir();
        string[] args = ["run", "--stock", Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie", "buildings.geojson"), "--mapping", Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie", "bdot10k-mapping.json"), "--scenario", Path.Combine(RepoPaths.Samples, "scenarios", "bau.json"), "--scenario", Path.Combine(RepoPaths.Samples, "scenarios", "deep-district-heat.json"), "--out", parent + "/runs"];
        using Process p = TwinProcess.Start(args);
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        bool sent = false;
        if (when == "loaded")
        {
            _ = p.StandardOutput.ReadLine(); // "stock …: 4,930 read …": the load is done, the simulation starts
            sent = Send(p, signal);
        }
        else
        {
            _ = p.StandardOutput.ReadToEndAsync();
            while (!p.HasExited && clock.ElapsedMilliseconds < 60_000 && !sent)
            {
                if (Directory.Exists(Path.Combine(parent, "runs")) && Directory.EnumerateDirectories(Path.Combine(parent, "runs"), ".*.tmp-*").Any())
                {
                    sent = Send(p, signal);
                }

                Thread.Sleep(1);
            }
        }

        Assert.True(sent, "the run ended before it could be interrupted");
        Assert.True(p.WaitForExit(60_000), "the interrupted run did not stop");
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("cancelled", await stderr, StringComparison.Ordinal);
        string[] left = Directory.EnumerateFileSystemEntries(parent, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(parent, f)).ToArray();
        Assert.True(left.All(f => f == "runs"), $"left behind: {string.Join(", ", left)}");
    }

    private static bool Send(Process p, string signal)
    {
        // The shell's built-in kill: no procps package needed.
        using Process kill = Process.Start("/bin/sh", ["-c", $"kill -{signal} {p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }
}
