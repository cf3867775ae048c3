using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Validation;

namespace Twin.Sim.Engine;

/// <summary>
/// Reads values out of one reference table while collecting every problem (missing column, text where a number
/// belongs, a number outside its plausible range) as a <see cref="DataIssue"/> naming the file, the row's key, the
/// column, the value and its unit — so a damaged table is reported completely, once, before a run starts.
/// </summary>
internal sealed class TableReader(CsvTable table, List<DataIssue> issues, string keyColumn)
{
    public CsvTable Table => table;

    /// <summary>False (and one issue per missing column) when the table lacks a column the engine needs.</summary>
    public bool Require(params string[] columns)
    {
        bool ok = true;
        foreach (string c in columns.Where(c => !table.Has(c)))
        {
            Add(null, c, null, null, $"column '{c}' is missing", $"The table needs the columns {string.Join(", ", columns)}; see the file of the same name in data/samples.");
            ok = false;
        }

        return ok;
    }

    public string Key(string[] row) => table.Get(row, keyColumn);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (plausibility bounds, not physics); NaN and an issue otherwise.</summary>
    public double Number(string[] row, string column, string unit, double min, double max)
    {
        string text = table.Get(row, column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            Add(Key(row), column, text, unit, "is not a number", "Write the value as a plain number with a decimal point, e.g. 0.25.");
            return double.NaN;
        }

        if (v < min || v > max)
        {
            Add(Key(row), column, text, unit, string.Create(CultureInfo.InvariantCulture, $"is outside the plausible range {min:G}–{max:G} {unit}"), "Check the unit and the value.");
            return double.NaN;
        }

        return v;
    }

    /// <summary>The TABULA size class (SFH, TH, MFH, AB) the row's key names; null and an issue otherwise.</summary>
    public Twin.Core.Stock.SizeClass? SizeClassKey(string[] row)
    {
        string key = Key(row);
        if (Enum.TryParse(key, ignoreCase: false, out Twin.Core.Stock.SizeClass size) && size != Twin.Core.Stock.SizeClass.Unknown && Enum.IsDefined(size))
        {
            return size;
        }

        Add(key, keyColumn, key, null, "is not a TABULA size class", "Use SFH, TH, MFH or AB.");
        return null;
    }

    /// <summary>The date (yyyy-MM-dd) in <paramref name="column"/>; default and an issue otherwise (<paramref name="what"/>: what the date is, for the hint).</summary>
    public DateOnly Date(string[] row, string column, string what)
    {
        string text = table.Get(row, column);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        Add(Key(row), column, text, null, "is not a date", $"Write the date {what} as yyyy-MM-dd, e.g. 2019-09-01.");
        return default;
    }

    /// <summary>The heat generators named in <paramref name="column"/>, separated by spaces; an issue for each name that is not one.</summary>
    public List<Systems.HeatingSystem> HeatingSystems(string[] row, string column)
    {
        var systems = new List<Systems.HeatingSystem>();
        foreach (string name in table.Get(row, column).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Scenarios.ScenarioValidator.TryParseHeating(name, out Systems.HeatingSystem h))
            {
                systems.Add(h);
            }
            else
            {
                Add(Key(row), column, name, null, "is not a heat generator", $"Use one of {string.Join(", ", Enum.GetValues<Systems.HeatingSystem>().Select(Scenarios.ScenarioValidator.KebabName))}, separated by spaces.");
            }
        }

        return systems;
    }

    public void Add(string? key, string column, string? value, string? unit, string message, string hint) =>
        issues.Add(new DataIssue(table.Source, key, column, value, unit, message, hint, IssueOutcome.Fatal, IssueCodes.InvalidTable));
}
