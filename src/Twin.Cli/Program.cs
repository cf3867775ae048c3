using System.CommandLine;
using Spectre.Console;

namespace Twin.Cli;

internal static class Program
{
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
        };
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160; // tables in logs and CI output: do not wrap at the 80-column default
        }

        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or NotSupportedException or UnauthorizedAccessException or InvalidOperationException or Twin.Sim.Engine.ScenarioException)
        {
            AnsiConsole.MarkupLine($"[red]error[/]: {Markup.Escape(ex.Message)}");
            return 2;
        }
    }
}
