using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Schema;
using Twin.Core.Validation;

namespace Twin.Pipeline.Maps;

/// <summary>
/// One value per building to colour a map by, with what the legend says about it: the quantity's human name and unit
/// (from the <see cref="ColumnRegistry"/>), and why nothing is drawn when no building has a value.
/// </summary>
public sealed record MapValues(double[] Values, string Quantity, string Unit, bool Diverging, string? EmptyReason)
{
    /// <summary>True when at least one building has a finite value.</summary>
    public bool HasValues => EmptyReason is null;
}

/// <summary>
/// What a map shows of a run: a column, the state of a before/after quantity in a year of the pathway, per m² of heated
/// floor area (the default for quantities that grow with the building), or the difference to another run of the same stock.
/// </summary>
public static class MapQuantity
{
    /// <summary>The columns a map of <paramref name="column"/> needs from buildings.parquet (not the whole table).</summary>
    public static IReadOnlyCollection<string> ColumnsNeeded(string column) =>
        ["building_id", "height_m", "renovation_year", "heated_floor_area_m2", "simulated", "not_simulated_reason", column, column + "_before_", column + "_after_"];

    /// <summary>Reads the columns of a run a map of <paramref name="column"/> needs (<see cref="ColumnsNeeded"/>; all for a pick card).</summary>
    public static FeatureTable Read(RunOutput run, string column, bool everything)
    {
        if (everything)
        {
            return run.ReadBuildings();
        }

        IReadOnlyCollection<string> needed = ColumnsNeeded(column);
        return run.ReadBuildings(run.BuildingColumns().Where(n => needed.Any(x => x.EndsWith('_') ? n.StartsWith(x, StringComparison.Ordinal) : n == x)).ToArray());
    }

    /// <summary>
    /// The values of <paramref name="column"/>; with <paramref name="year"/>, the state in that year of a before/after stem
    /// (the "after" column where the building was renovated by then, else "before"). <paramref name="perSquareMetre"/>:
    /// divide by the heated floor area; null = do so for extensive quantities (energy, emissions, money).
    /// </summary>
    /// <exception cref="InputException">The column is not in the run, not numeric, or not a stem when a year is given; the issue lists what there is.</exception>
    public static MapValues Of(FeatureTable table, string column, int? year, bool? perSquareMetre = null)
    {
        (double[] values, ResolvedColumn spec) = year is int y ? StateIn(table, column, y) : (Numbers(table, column), Resolve(table, column));
        string quantity = year is int yy ? $"{spec.Title} in {yy.ToString(CultureInfo.InvariantCulture)}" : spec.FullTitle;
        string unit = spec.Unit;
        if (perSquareMetre ?? spec.Spec.Extensive)
        {
            double[] area = Numbers(table, "heated_floor_area_m2");
            values = values.Select((v, i) => area[i] > 0 ? v / area[i] : double.NaN).ToArray();
            quantity += " per m² heated floor area";
            unit = Units.PerSquareMetre(unit);
        }

        return new MapValues(values, quantity, unit, Diverging: false, EmptyReason(table, values));
    }

    /// <summary>This run's values minus those of another run of the same stock, building by building (by id).</summary>
    public static MapValues Difference(MapValues a, FeatureTable aTable, MapValues b, FeatureTable bTable)
    {
        var other = Ids(bTable).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => b.Values[x.i], StringComparer.Ordinal);
        double[] diff = Ids(aTable).Select((id, i) => other.TryGetValue(id, out double v) ? a.Values[i] - v : double.NaN).ToArray();
        return new MapValues(diff, a.Quantity, a.Unit, Diverging: true, EmptyReason(aTable, diff));
    }

    /// <summary>The building ids of a run table.</summary>
    /// <exception cref="InputException">The table has no building_id column.</exception>
    public static string[] Ids(FeatureTable t) =>
        (t.Find("building_id") ?? throw InputException.Fatal(t.SourcePath, "building_id", null, "has no building_id column", "Give a buildings table written by 'twin run'.", IssueCodes.IncompleteRun)).Values.Select(v => v?.ToString() ?? string.Empty).ToArray();

    /// <summary>The numbers of a column (NaN = missing).</summary>
    /// <exception cref="InputException">No such column, or it is text.</exception>
    public static double[] Numbers(FeatureTable t, string name)
    {
        AttributeColumn c = t.Find(name) ?? throw Unknown(t, name, "is not a column of this run");
        if (c.Type is not (AttributeType.Number or AttributeType.Integer))
        {
            throw Unknown(t, name, "is text, not a number");
        }

        return c.Numbers ?? c.Values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private static ResolvedColumn Resolve(FeatureTable t, string name) =>
        ColumnRegistry.Find(OutputTable.Buildings, name) ?? new ResolvedColumn(ColumnRegistry.Of(OutputTable.Buildings).First(), name, name, new Dictionary<string, string>());

    private static (double[], ResolvedColumn) StateIn(FeatureTable t, string stem, int year)
    {
        string? before = t.Columns.Select(c => c.Name).FirstOrDefault(c => c.StartsWith(stem + "_before_", StringComparison.Ordinal) && ColumnRegistry.Find(OutputTable.Buildings, c)?.Spec.IsNumeric == true);
        if (before is null)
        {
            throw Unknown(t, stem, "is not a quantity with _before/_after columns (a state in a year needs one)");
        }

        string after = before.Replace("_before_", "_after_", StringComparison.Ordinal);
        double[] b = Numbers(t, before), a = Numbers(t, after), renovated = Numbers(t, "renovation_year");
        return (b.Select((v, i) => double.IsFinite(renovated[i]) && renovated[i] <= year ? a[i] : v).ToArray(), Resolve(t, before));
    }

    /// <summary>Null when some building has a value; else why none has (e.g. none was simulated, and why not).</summary>
    private static string? EmptyReason(FeatureTable t, double[] values)
    {
        if (values.Any(double.IsFinite))
        {
            return null;
        }

        if (values.Length == 0)
        {
            return "the run has no buildings";
        }

        if (t.Find("not_simulated_reason") is AttributeColumn reasons && t.Find("simulated") is AttributeColumn simulated && simulated.Values.All(v => v is false))
        {
            string why = string.Join("; ", reasons.Values.GroupBy(v => v?.ToString() ?? "unknown").OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count():N0} × {g.Key}"));
            return $"no building of the run was simulated ({why})";
        }

        return "no building has a value for this quantity";
    }

    private static InputException Unknown(FeatureTable t, string name, string problem)
    {
        var numeric = t.Columns.Where(c => c.Type is AttributeType.Number or AttributeType.Integer).Select(c => c.Name).ToList();
        string[] stems = numeric.Where(n => n.Contains("_before_", StringComparison.Ordinal)).Select(n => n[..n.IndexOf("_before_", StringComparison.Ordinal)]).Distinct().ToArray();
        string? close = numeric.Concat(stems).OrderBy(n => Distance(n, name)).FirstOrDefault(n => Distance(n, name) <= Math.Max(2, name.Length / 3));
        string listed = string.Join(", ", numeric.Select(n => ColumnRegistry.Find(OutputTable.Buildings, n) is ResolvedColumn r ? $"{n} ({r.FullTitle}{(r.Unit is "" or "-" ? string.Empty : ", " + r.Unit)})" : n));
        string hint = (close is null ? string.Empty : $"Did you mean '{close}'? ") + $"Numeric columns: {listed}. With --year, a quantity with before/after columns: {string.Join(", ", stems)}.";
        return InputException.Fatal(t.SourcePath, "--column", name, $"'{name}' {problem}", hint, IssueCodes.InvalidArgument);
    }

    /// <summary>Levenshtein distance, for "did you mean".</summary>
    internal static int Distance(string a, string b)
    {
        int[] prev = Enumerable.Range(0, b.Length + 1).ToArray(), cur = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
