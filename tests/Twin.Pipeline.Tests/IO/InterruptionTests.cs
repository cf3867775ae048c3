using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests.IO;

/// <summary>
/// A run cancelled in any phase — loading, simulating, writing — stops with <see cref="OperationCanceledException"/>
/// and leaves no file behind; an earlier complete run in the same folder stays as it was (issue 9).
/// </summary>
public sealed class InterruptionTests
{
    [Theory]
    [InlineData("loading")]
    [InlineData("simulating")]
    [InlineData("writing")]
    public void CancelledInAnyPhase_StopsAndLeavesNothing(string phase)
    {
        string parent = RepoPaths.NewTempDir();
        string dir = Path.Combine(parent, "bau");
        Exception? ex = Record.Exception(() => RunInto(dir, CancelAt(phase, out RunOptions options), options));

        Assert.True(IsCancellation(ex), $"cancelled while {phase}: {ex?.GetType().Name ?? "no exception"}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent)); // no run folder, no hidden temporary one
    }

    [Fact]
    public void CancelledWhileWriting_KeepsTheEarlierCompleteRun()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "bau");
        RunInto(dir, null, RunOptions.Default);
        string earlier = RunDirectory.Open(dir).Manifest.RunId;

        Exception? ex = Record.Exception(() => RunInto(dir, CancelAt("writing", out RunOptions options), options));

        Assert.True(IsCancellation(ex));
        Assert.Equal(earlier, RunDirectory.Open(dir).Manifest.RunId); // complete and unchanged
        Assert.Equal(["bau"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(dir)!).Select(Path.GetFileName));
    }

    [Fact]
    public void DiskFullWhileWriting_IsAClearError_AndKeepsTheEarlierRun()
    {
        // (Measured for real on a 2 MB-free tmpfs: the GeoPackage writer's SQLITE_FULL gives the same error, exit 2.)
        string dir = Path.Combine(RepoPaths.NewTempDir(), "bau");
        RunInto(dir, null, RunOptions.Default);
        string earlier = RunDirectory.Open(dir).Manifest.RunId;

        var ex = Assert.Throws<Twin.Core.Validation.InputException>(() => AtomicFolder.Write(dir, "--out", tmp =>
        {
            File.WriteAllText(Path.Combine(tmp, "years.csv"), "half");
            throw new IOException("No space left on device");
        }, CancellationToken.None));

        Assert.Contains("No space left on device", ex.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("unchanged", ex.Issues[0].Hint, StringComparison.Ordinal);
        Assert.Equal(earlier, RunDirectory.Open(dir).Manifest.RunId);
        Assert.Equal(["bau"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(dir)!).Select(Path.GetFileName));
    }

    private static void RunInto(string dir, CancellationTokenSource? cancel, RunOptions options)
    {
        using (cancel)
        {
            TwinStock stock = TwinStock.Load(PipelineFixtures.Data.Sample.Stock, PipelineFixtures.Data, options);
            ScenarioRun run = ScenarioRun.Execute(stock, PipelineFixtures.Data, PipelineFixtures.Scenario("bau"), options);
            RunDirectory.Write(run, dir, options);
        }
    }

    /// <summary>Options whose token is cancelled when the run reports the step <paramref name="phase"/> (reported synchronously).</summary>
    private static CancellationTokenSource CancelAt(string phase, out RunOptions options)
    {
        var cancel = new CancellationTokenSource();
        options = new RunOptions { Cancellation = cancel.Token, Progress = new Now(p => { if (p.Step.Contains(phase, StringComparison.Ordinal)) { cancel.Cancel(); } }) };
        return cancel;
    }

    private static bool IsCancellation(Exception? ex) =>
        ex is OperationCanceledException || (ex is AggregateException a && a.Flatten().InnerExceptions.All(i => i is OperationCanceledException));

    private sealed class Now(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
