using System.Globalization;
using Spectre.Console;
using Twin.Core.IO;
using Twin.Core.Schema;
using Twin.Core.Validation;
using Twin.Viewer.Render;

namespace Twin.Cli;

/// <summary>The card of a picked building: every column with its human name, value and unit (from the column registry).</summary>
internal static class PickCard
{
    public static void Print(FeatureTable t, RenderedFrame frame, string at)
    {
        string[] p = at.Split(',');
        if (p.Length != 2 || !int.TryParse(p[0], CultureInfo.InvariantCulture, out int x) || !int.TryParse(p[1], CultureInfo.InvariantCulture, out int y) || x < 0 || y < 0 || x >= frame.Width || y >= frame.Height)
        {
            throw InputException.Argument("--pick", at, "is not a pixel of the image", $"Give X,Y inside the {frame.Width}×{frame.Height} image, counted from the top left.");
        }

        int i = frame.BuildingAt(x, y);
        if (i < 0)
        {
            Console.WriteLine($"pixel {x},{y}: no building");
            return;
        }

        var card = new Table().Title($"building at pixel {x},{y}").AddColumns("quantity", "column", "value");
        foreach ((string title, string column, string value) in Rows(t, i))
        {
            card.AddRow(Markup.Escape(title), Markup.Escape(column), Markup.Escape(value));
        }

        AnsiConsole.Write(card);
    }

    /// <summary>Title, column name and readable value with unit of each column of row <paramref name="i"/>.</summary>
    public static IEnumerable<(string Title, string Column, string Value)> Rows(FeatureTable t, int i)
    {
        foreach (AttributeColumn c in t.Columns)
        {
            ResolvedColumn? spec = ColumnRegistry.Find(OutputTable.Buildings, c.Name);
            object? v = c.ValueAt(i);
            string value = v switch
            {
                null => "–",
                double d when spec is not null => Units.Readable(d, spec.Unit),
                long l when spec is not null && spec.Unit is not ("year" or "") => Units.Readable(l, spec.Unit),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
            };
            yield return (spec?.FullTitle ?? c.Name, c.Name, value);
        }
    }
}
