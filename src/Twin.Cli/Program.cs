using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using Twin.Core.Validation;

namespace Twin.Cli;

/// <summary>
/// The <c>twin</c> command. Exit codes: 0 done; 2 the input cannot be used (every problem printed to stderr with file,
/// feature, field, value and a hint); 70 a bug in twin (the stack trace goes to a log file, never dressed up as a user
/// error); 130 cancelled (Ctrl+C or SIGTERM), with no half-written output left behind.
/// </summary>
internal static class Program
{
    public const int UserError = 2, Bug = 70, Cancelled = 130;

    public static int Main(string[] args)
    {
        var root = new RootCommand("BuildingTwin: a building-stock digital twin for renovation planning")
        {
            SampleCommand.Create(),
            StockCommand.Create(),
            GridCommand.Create(),
            SynthCommand.Create(),
            VerifyCommand.Create(),
            ClimateCommand.Create(),
            RunCommand.Create(),
            CompareCommand.Create(),
            AdviseCommand.Create(),
            RenderCommand.Create(),
            ViewCommand.Create(),
            SchemaCommand.Create(),
        };
        root.Options.Add(Common.Data);
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160; // tables in logs and CI output: do not wrap at the 80-column default
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested; // the first Ctrl+C stops cleanly, a second one kills
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (kill, systemd, Slurm's scancel, docker stop) stops as cleanly as Ctrl+C: exit 130, nothing half-written.
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = !cancel.IsCancellationRequested; // a second SIGTERM terminates at once
            cancel.Cancel();
        });
        Common.Cancellation = cancel.Token;
        try
        {
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                Errors.Print(CommandLineErrors.Of(parsed));
                return UserError;
            }

            if (CommandLineErrors.OptionLikeArguments(parsed) is { Count: > 0 } misspelt)
            {
                Errors.Print(misspelt);
                return UserError;
            }

            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return Fail(ex, args);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// What an exception that reached the top means: an input error or a machine without OpenGL (exit 2, every issue
    /// printed), a cancellation (130), or a bug in twin (70, the trace in a log file) — never the other way round.
    /// </summary>
    internal static int Fail(Exception ex, string[] args)
    {
        switch (Unwrap(ex))
        {
            case InputException input:
                Errors.Print(input.Issues);
                return UserError;
            case Viewer.Platform.GlUnavailableException gl:
                Errors.Print([new DataIssue("system", null, "OpenGL", null, null, gl.Message, "Maps and the window need OpenGL: headless EGL + Mesa (apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri), or GLFW and a display for 'twin view'.", IssueOutcome.Fatal, IssueCodes.InvalidInput)]);
                return UserError;
            case OperationCanceledException:
                Console.Error.WriteLine("cancelled: nothing half-written was left behind.");
                return Cancelled;
            default:
                Errors.Bug(ex, args);
                return Bug;
        }
    }

    /// <summary>The user-facing exception inside the wrappers of parallel loops and reflection.</summary>
    private static Exception Unwrap(Exception ex) => ex switch
    {
        AggregateException a when a.InnerExceptions.Count >= 1 && a.InnerExceptions.All(i => Unwrap(i) is InputException or OperationCanceledException) => Unwrap(a.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: Exception inner } => Unwrap(inner),
        _ => ex,
    };
}
