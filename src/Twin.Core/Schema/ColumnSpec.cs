using System.Text.RegularExpressions;
using Twin.Core.IO;

namespace Twin.Core.Schema;

/// <summary>The output tables whose columns the registry describes.</summary>
public enum OutputTable
{
    /// <summary>The validated, measured stock: stock.parquet / stock.gpkg / stock.geojson.</summary>
    Stock,

    /// <summary>A run's per-building results: buildings.parquet / buildings.gpkg.</summary>
    Buildings,

    /// <summary>A run's per-year totals: years.csv / years.parquet.</summary>
    Years,

    /// <summary>A run's per-neighbourhood totals: neighbourhoods.csv / neighbourhoods.parquet.</summary>
    Neighbourhoods,

    /// <summary>Buildings that could not be loaded: rejects.geojson.</summary>
    Rejects,

    /// <summary>Every input problem: issues.csv.</summary>
    Issues,
}

/// <summary>Whether a column holds a building's state before renovation, after it, or neither.</summary>
public enum ColumnState
{
    /// <summary>Not a before/after quantity.</summary>
    None,

    /// <summary>The start state (before any renovation of the scenario).</summary>
    Before,

    /// <summary>The state at the end of the horizon (after the renovation, where there was one).</summary>
    After,
}

/// <summary>
/// One output column: its name (possibly a template with <c>{carrier}</c> or <c>{year}</c>), table, type, unit,
/// human title, meaning and source. Writers, map legends and pick cards, the column suggestions of <c>twin render</c>
/// and data/samples/SCHEMA.md all read these, so a column cannot change in one place and not in the others.
/// </summary>
public sealed record ColumnSpec
{
    /// <summary>Column name, e.g. <c>height_m</c>, or a template such as <c>co2_{year}_kg</c>, <c>{carrier}_before_kwh</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The table the column is written to.</summary>
    public required OutputTable Table { get; init; }

    /// <summary>Value type as written (Parquet physical type, GeoPackage column type).</summary>
    public required AttributeType Type { get; init; }

    /// <summary>Unit, e.g. "kWh/a", "kg/a", "EUR", "m²", "-" (dimensionless) or "" for text.</summary>
    public required string Unit { get; init; }

    /// <summary>The quantity's human name for legends and cards, e.g. "CO₂ emissions in {year}".</summary>
    public required string Title { get; init; }

    /// <summary>What the value means, for SCHEMA.md.</summary>
    public required string Meaning { get; init; }

    /// <summary>Where the value comes from: input, rule, standard clause or table.</summary>
    public required string Source { get; init; }

    /// <summary>Before/after quantity: the columns <c>{stem}_before_{unit}</c> / <c>{stem}_after_{unit}</c>.</summary>
    public ColumnState State { get; init; }

    /// <summary>
    /// True for quantities that grow with the building's size (energy per year, emissions per year, money): maps that
    /// compare buildings divide them by the heated floor area by default.
    /// </summary>
    public bool Extensive { get; init; }

    /// <summary>True for names with a <c>{carrier}</c> or <c>{year}</c> placeholder.</summary>
    public bool IsTemplate => Name.Contains('{', StringComparison.Ordinal);

    /// <summary>The before/after stem of a state column (<c>heat_need</c> for <c>heat_need_before_kwh</c>), else null.</summary>
    public string? Stem => State switch
    {
        ColumnState.Before => Name[..Name.IndexOf("_before", StringComparison.Ordinal)],
        ColumnState.After => Name[..Name.IndexOf("_after", StringComparison.Ordinal)],
        _ => null,
    };

    /// <summary>Numeric (number or integer)?</summary>
    public bool IsNumeric => Type is AttributeType.Number or AttributeType.Integer;

    /// <summary>The concrete name matched against this spec, with its placeholders' values; null when it does not match.</summary>
    public ResolvedColumn? Match(string name)
    {
        if (!IsTemplate)
        {
            return string.Equals(name, Name, StringComparison.Ordinal) ? new ResolvedColumn(this, name, Title, new Dictionary<string, string>()) : null;
        }

        Match m = Regex.Match(name, "^" + Regex.Escape(Name).Replace(@"\{carrier}", "(?<carrier>[a-z][a-z_]*?)", StringComparison.Ordinal).Replace(@"\{year}", "(?<year>[0-9]{4})", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string title = Title;
        foreach (string key in new[] { "carrier", "year" })
        {
            if (m.Groups[key].Success)
            {
                values[key] = m.Groups[key].Value;
                title = title.Replace("{" + key + "}", key == "carrier" ? m.Groups[key].Value.Replace('_', ' ') : m.Groups[key].Value, StringComparison.Ordinal);
            }
        }

        return new ResolvedColumn(this, name, title, values);
    }
}

/// <summary>A concrete column name resolved against its <see cref="ColumnSpec"/>, with the title's placeholders filled in.</summary>
public sealed record ResolvedColumn(ColumnSpec Spec, string Name, string Title, IReadOnlyDictionary<string, string> Placeholders)
{
    /// <summary>The unit of the column (that of its spec).</summary>
    public string Unit => Spec.Unit;

    /// <summary>The title with the state it shows: "Heat need for space heating, after renovation".</summary>
    public string FullTitle => Spec.State switch
    {
        ColumnState.Before => Title + ", before renovation",
        ColumnState.After => Title + ", after renovation",
        _ => Title,
    };
}
