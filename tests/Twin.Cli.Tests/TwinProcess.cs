using System.Diagnostics;

namespace Twin.Cli.Tests;

/// <summary>Runs the real twin program (twin.dll beside the test binaries, or another copy) as a process, as a user would.</summary>
internal static class TwinProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "twin.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, string? dll = null, int timeoutMs = 180_000)
    {
        using Process p = Start(args, workingDirectory, dll);
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"twin {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, string? dll = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Path.GetTempPath() };
        psi.ArgumentList.Add(dll ?? Dll);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("TWIN_DATA");
        return Process.Start(psi)!;
    }
}
