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

    /// <summary>
    /// Reads the columns of a run a map of <paramref name="column"/> needs (<see cref="ColumnsNeeded"/>; all for a pick card),
    /// after checking against the run's full column list that the request makes sense (see <see cref="Check"/>).
    /// </summary>
    /// <exception cref="InputException">The column, the stem or the year does not fit the run.</exception>
    public static FeatureTable Read(RunOutput run, string column, bool everything, int? year = null)
    {
        Check(run.BuildingsPath, run.BuildingColumns(), column, year, (run.Years[0].Year, run.Years[^1].Year));
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
        Check(table.SourcePath, table.Columns.Select(c => c.Name).ToList(), column, year, (int.MinValue, int.MaxValue));
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

    /// <summary>
    /// Whether <paramref name="column"/> (with <paramref name="year"/>) can be mapped from a run with these columns: a numeric
    /// column without a year, or a before/after quantity with a year inside the horizon. Otherwise the issue says what to
    /// give instead: the closest name, the stem of a before/after column, the columns of a stem, the horizon.
    /// </summary>
    /// <exception cref="InputException">It cannot.</exception>
    public static void Check(string source, IReadOnlyList<string> columns, string column, int? year, (int Start, int End) horizon)
    {
        bool IsNumeric(string c) => ColumnRegistry.Find(OutputTable.Buildings, c)?.Spec.IsNumeric ?? true;
        string[] numeric = columns.Where(c => c != "geometry" && IsNumeric(c)).ToArray();
        string[] stems = numeric.Where(n => n.Contains("_before_", StringComparison.Ordinal)).Select(n => n[..n.IndexOf("_before_", StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).ToArray();
        bool isColumn = columns.Contains(column, StringComparer.Ordinal), isStem = stems.Contains(column, StringComparer.Ordinal);
        string stemColumns = string.Join(" or ", numeric.Where(n => n.StartsWith(column + "_before_", StringComparison.Ordinal) || n.StartsWith(column + "_after_", StringComparison.Ordinal)));
        string? ownStem = stems.FirstOrDefault(s => column.StartsWith(s + "_before_", StringComparison.Ordinal) || column.StartsWith(s + "_after_", StringComparison.Ordinal));
        (string? problem, string? hint) = (year, isColumn, isStem) switch
        {
            (null, true, _) when !IsNumeric(column) => ("is text, not a number", null),
            (null, true, _) => (null, null),
            (null, false, true) => ("is a quantity with before and after columns", $"Give --year YEAR for its state in a year of the pathway, or --column {stemColumns}."),
            (int, _, true) when year < horizon.Start || year > horizon.End => ($"--year {year} is outside the run's horizon {horizon.Start}–{horizon.End}", $"Give a year from {horizon.Start} to {horizon.End}."),
            (int, _, true) => (null, null),
            (int, true, false) => ("is a column, not a quantity with before and after columns", ownStem is null ? "Leave out --year to map the column as it is." : $"Leave out --year, or map the state in that year with --column {ownStem}."),
            _ => ("is not a column of this run", null),
        };
        if (problem is null)
        {
            return;
        }

        if (hint is null)
        {
            string? close = Suggestions.Closest(column, numeric.Concat(stems));
            string listed = string.Join(", ", numeric.Select(n => ColumnRegistry.Find(OutputTable.Buildings, n) is ResolvedColumn r ? $"{n} ({r.FullTitle}{(r.Unit is "" or "-" ? string.Empty : ", " + r.Unit)})" : n));
            hint = (close is null ? string.Empty : $"Did you mean '{close}'? ") + $"Numeric columns: {listed}. With --year, a quantity with before/after columns: {string.Join(", ", stems)}.";
        }

        throw InputException.Fatal(source, "--column", column, problem, hint, IssueCodes.InvalidArgument);
    }

    /// <summary>This run's values minus those of another run of the same stock, building by building (by id).</summary>
    public static MapValues Difference(MapValues a, FeatureTable aTable, MapValues b, FeatureTable bTable)
    {
        var other = Ids(bTable).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => b.Values[x.i], StringComparer.Ordinal);
        double[] diff = Ids(aTable).Select((id, i) => other.TryGetValue(id, out double v) ? a.Values[i] - v : double.NaN).ToArray();
        string? empty = EmptyReason(aTable, diff) ?? (diff.Where(double.IsFinite).All(d => d == 0) ? "the two runs do not differ in this quantity" : null);
        return new MapValues(diff, a.Quantity, a.Unit, Diverging: true, empty);
    }

    /// <summary>The building ids of a run table.</summary>
    /// <exception cref="InputException">The table has no building_id column.</exception>
    public static string[] Ids(FeatureTable t) =>
        (t.Find("building_id") ?? throw InputException.Fatal(t.SourcePath, "building_id", null, "has no building_id column", "Give a buildings table written by 'twin run'.", IssueCodes.IncompleteRun)).Values.Select(v => v?.ToString() ?? string.Empty).ToArray();

    /// <summary>The numbers of a column (NaN = missing).</summary>
    /// <exception cref="InputException">No such column, or it is text.</exception>
    public static double[] Numbers(FeatureTable t, string name)
    {
        AttributeColumn c = t.Find(name) ?? throw InputException.Fatal(t.SourcePath, name, null, "the column is missing", "Give a buildings table written by 'twin run'.", IssueCodes.IncompleteRun);
        if (c.Type is not (AttributeType.Number or AttributeType.Integer))
        {
            throw InputException.Fatal(t.SourcePath, name, null, "is text, not a number", "Map a numeric column.", IssueCodes.InvalidArgument);
        }

        return c.Numbers ?? c.Values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private static ResolvedColumn Resolve(FeatureTable t, string name) =>
        ColumnRegistry.Find(OutputTable.Buildings, name) ?? new ResolvedColumn(ColumnRegistry.Of(OutputTable.Buildings).First(), name, name, new Dictionary<string, string>());

    private static (double[], ResolvedColumn) StateIn(FeatureTable t, string stem, int year)
    {
        string before = t.Columns.Select(c => c.Name).First(c => c.StartsWith(stem + "_before_", StringComparison.Ordinal) && ColumnRegistry.Find(OutputTable.Buildings, c)?.Spec.IsNumeric == true); // Check found it

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
}
