using System.CommandLine;
using Twin.Core.Schema;

namespace Twin.Cli;

/// <summary><c>twin schema</c>: the output schema (every column's type, unit, meaning and source) as Markdown, from the column registry.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Write it to this file (data/samples/SCHEMA.md in the repository) instead of standard output" };
        var command = new Command("schema", "Print the output schema (columns, types, units, meanings, sources) as Markdown") { output };
        command.SetAction(r =>
        {
            string md = SchemaDocument.Markdown();
            if (r.GetValue(output) is string path)
            {
                File.WriteAllText(Common.OutputFile(path, "--out", ".md"), md);
                Console.WriteLine($"{ColumnRegistry.All.Count} columns → {path}");
            }
            else
            {
                Console.Write(md);
            }

            return 0;
        });
        return command;
    }
}
