using System.Globalization;
using System.Text;
using Twin.Core.IO;

namespace Twin.Core.Schema;

/// <summary>
/// Renders data/samples/SCHEMA.md from the <see cref="ColumnRegistry"/>: the prose around the tables is fixed here, every
/// column row comes from the registry. A test fails when the file differs; regenerate it with
/// <c>twin schema --out data/samples/SCHEMA.md</c>.
/// </summary>
public static class SchemaDocument
{
    /// <summary>The whole document, "\n" line endings.</summary>
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("""
            # Output schema

            Generated from the column registry (`src/Twin.Core/Schema/ColumnRegistry.cs`) by
            `twin schema --out data/samples/SCHEMA.md`; a test fails when this file and the registry differ.

            A column with a unit ends its name in it (`_m2`, `_kwh`, `_kg`, `_eur`). `*_source` columns say where a value came from:
            `observed` (read from the input), `inferred` (derived by a documented rule), `missing`. Names with
            `<carrier>` stand for one column per carrier (gas, oil, coal, biomass, district_heat, electricity), names with
            `<year>` for the run's start and end year (e.g. `co2_2025_kg`, `co2_2050_kg`).

            ## Building stock — `stock.parquet` (GeoParquet 1.1), `stock.gpkg` (GeoPackage), `stock.geojson`

            Geometry: the footprint, WGS 84 lon/lat (OGC:CRS84) in GeoParquet and GeoJSON, WKB in GeoParquet. All
            measures were taken in the metric CRS printed by the loader (EPSG:2180 in Poland). Footprints are valid
            polygons: where rounding in the reprojection to WGS 84 makes one invalid again (a ~1e-9 m spike), the writer
            repairs it once more with NTS's GeometryFixer. `twin run --stock stock.parquet` reads this file back with
            no mapping.


            """);
        Table(md, OutputTable.Stock);
        md.Append("""

            ## Rejects — `rejects.geojson`

            Geometry as in the source file (null where none).


            """);
        Table(md, OutputTable.Rejects);
        md.Append("""

            ## Issues — `issues.csv`


            """);
        Table(md, OutputTable.Issues);
        md.Append("""

            ## Scenario runs — `twin run --out <dir>` (one folder per scenario)

            A run folder is written under a temporary name and renamed into place when complete; `manifest.json`
            (written last) says `"complete": true`, and readers (`compare`, `render`, `view`) refuse a folder without it.

            ### `buildings.parquet` (GeoParquet 1.1), `buildings.gpkg` (GeoPackage) — one row per accepted building


            """);
        Table(md, OutputTable.Buildings);
        md.Append("""

            ### `years.csv` / `years.parquet` — one row per year of the horizon


            """);
        Table(md, OutputTable.Years);
        md.Append("""

            ### `neighbourhoods.csv` / `neighbourhoods.parquet`


            """);
        Table(md, OutputTable.Neighbourhoods);
        md.Append("""

            ### `manifest.json`

            `format_version`, `complete`, `run_id`, `scenario`, `scenario_title`, `seed`, `discount_rate`,
            `engine_version` (version + git commit), `reference_year`, `started_utc`, `elapsed_seconds`, `climate`,
            `buildings_read`, `buildings_rejected`, `buildings_simulated`, `buildings_renovated`, `stock_fingerprint`
            (SHA-256 of the building ids in order: runs of the same stock share it), `inputs` (every input and
            reference-data file: role, path, SHA-256) and `outputs` (every file of the folder with its size and SHA-256).

            """);
        return md.ToString().ReplaceLineEndings("\n");
    }

    private static void Table(StringBuilder md, OutputTable table)
    {
        md.Append("| column | type | unit | meaning | source |\n|---|---|---|---|---|\n");
        foreach (ColumnSpec c in ColumnRegistry.Of(table))
        {
            string name = c.Name.Replace("{carrier}", "<carrier>", StringComparison.Ordinal).Replace("{year}", "<year>", StringComparison.Ordinal);
            md.Append(CultureInfo.InvariantCulture, $"| `{name}` | {TypeName(c.Type)} | {(c.Unit.Length == 0 ? "–" : c.Unit)} | {c.Meaning} | {c.Source} |\n");
        }
    }

    private static string TypeName(AttributeType t) => t switch
    {
        AttributeType.Number => "number",
        AttributeType.Integer => "integer",
        AttributeType.Boolean => "boolean",
        _ => "text",
    };
}
