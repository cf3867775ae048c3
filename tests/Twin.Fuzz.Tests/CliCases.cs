using System.Globalization;

namespace Twin.Fuzz.Tests;

/// <summary>
/// Generated <c>twin</c> command lines: a command with its required arguments and a few options, each value drawn from
/// a pool of valid and hostile values (missing paths, folders, empty files, files of another kind, non-numbers, NaN,
/// numbers beyond int, unknown CRSs and formats), sometimes a required argument dropped or an option misspelt (those
/// must fail). Commands that need OpenGL (render, view) or run long by design (verify, sample, synth of millions) are
/// left to their own tests.
/// </summary>
internal static class CliCases
{
    /// <summary>A command line, and whether it must be refused.</summary>
    public sealed record Case(string[] Args, bool MustFail);

    public static Case Make(Corpus c, string dir, Random rng)
    {
        string Pick(params string[] values) => values[rng.Next(values.Length)];
        string missing = Path.Combine(dir, "missing", "x.geojson");
        string Stock() => Pick(c.Data.Sample.Stock.Path, c.GeoParquetPath, c.ShapefilePath, Path.Combine(c.Dir, "base.geojson"), missing, dir, c.EmptyFile, c.Scenarios.Count > 0 ? c.Data.Sample.ScenarioPaths[0] : missing, string.Empty);
        string Scenario() => Pick(c.Data.Sample.ScenarioPaths[0], c.Data.Sample.ScenarioPaths[^1], c.Data.Sample.AdvisorScenarioPath, missing, dir, c.EmptyFile, c.Mapping, string.Empty);
        string OutDir() => Pick(Path.Combine(dir, "out"), Path.Combine(dir, "out", "deeper"), c.EmptyFile, "/proc/twin-cannot-write", string.Empty);
        string OutFile(string ext) => Pick(Path.Combine(dir, "x" + ext), Path.Combine(dir, "x.txt"), dir, "/proc/twin-cannot-write/x" + ext, string.Empty);
        string Int() => Pick("0", "-1", "1", "2", "abc", "2147483648", "NaN", string.Empty, "1e3", "4");
        string Number() => Pick("1800", "0", "-5", "NaN", "Infinity", "1e308", "abc", "9.99", "1,5", string.Empty);
        string Year() => Pick("1900", "1965", "2025", "0", "-5", "3000", "abc", "2147483648", string.Empty);
        string Crs() => Pick("EPSG:2180", "EPSG:4326", "EPSG:32634", "EPSG:99999", "foo", "2180", string.Empty);

        var args = new List<string>();
        var optional = new List<(string Option, Func<string> Value)>();
        string command = Pick("stock", "run", "run", "advise", "grid", "synth", "compare", "climate", "schema");
        args.Add(command);
        var required = new List<(string Option, string Value)>();
        switch (command)
        {
            case "stock":
                required.Add((string.Empty, Stock()));
                optional.AddRange([("--out", OutDir), ("--format", () => Pick("both", "gpkg", "geoparquet", "xlsx", string.Empty)), ("--threads", Int), ("--mapping", () => Pick(c.Mapping, missing, c.EmptyFile, c.Data.Sample.ScenarioPaths[0])), ("--neighbourhoods", () => Pick(c.Data.Sample.Stock.NeighbourhoodsPath ?? missing, c.EmptyFile, missing, Stock())), ("--source-crs", Crs), ("--metric-crs", Crs), ("--country", () => Pick("PL", "DE", "XX", "pl", string.Empty)), ("--reference-year", Year)]);
                break;
            case "run":
                required.AddRange([("--stock", Stock()), ("--scenario", Scenario()), ("--out", OutDir())]);
                optional.AddRange([("--scenario", Scenario), ("--format", () => Pick("both", "gpkg", "geoparquet", "xlsx")), ("--threads", Int), ("--mapping", () => Pick(c.Mapping, missing, c.EmptyFile)), ("--climate", () => Pick(missing, c.EmptyFile, c.Mapping, dir)), ("--source-crs", Crs), ("--metric-crs", Crs), ("--reference-year", Year)]);
                break;
            case "advise":
                required.AddRange([("--typology", Pick("PL.N.MFH.02", "PL.N.SFH.01.Gen", "PL", string.Empty, "XX")), ("--floor-area", Number())]);
                optional.AddRange([("--heating", () => Pick("gas-boiler", "gas-boilr", string.Empty, "district-heat")), ("--year", Year), ("--json", () => OutFile(".json")), ("--scenario", Scenario), ("--building-id", () => Pick("PL.PZGiK.330.1465__OT_BUBD_A.1", "nothing", string.Empty)), ("--stock", Stock)]);
                break;
            case "grid":
                required.AddRange([(string.Empty, Stock()), ("--out", OutFile(".geojson"))]);
                optional.AddRange([("--cell", () => Pick("500", "0", "-1", "1e-9", "NaN", "abc", "1e12")), ("--source-crs", Crs)]);
                break;
            case "synth":
                // Always a --count: the default (10⁶ buildings) is a valid scale test, not a case for a time budget.
                args.AddRange(["--count", Pick("0", "-1", "1", "100", "abc", "2147483648", "50000001")]);
                required.Add(("--out", OutFile(Pick(".parquet", ".gpkg", ".geojson", ".xlsx"))));
                optional.Add(("--seed", Int));
                break;
            case "compare":
                required.Add((string.Empty, Pick([.. c.RunFolders, missing, dir, c.EmptyFile])));
                if (rng.Next(2) == 0)
                {
                    required.Add((string.Empty, Pick([.. c.RunFolders, c.RunFolders[0], missing]))); // several runs (one is enough)
                }

                optional.Add(("--chart", () => OutFile(".png")));
                break;
            case "climate":
                required.Add(("--out", OutFile(".csv")));
                optional.AddRange([("--epw", () => Pick(missing, c.EmptyFile, c.Mapping, dir)), ("--nsrdb", () => Pick(missing, c.EmptyFile, c.Data.Sample.ScenarioPaths[0]))]);
                break;
            default:
                optional.Add(("--out", () => OutFile(".md")));
                break;
        }

        bool mustFail = false;
        if (required.Count > 0 && rng.Next(8) == 0)
        {
            required.RemoveAt(rng.Next(required.Count)); // a required argument left out
            mustFail = command != "compare" || required.Count == 0;
        }

        foreach ((string option, string value) in required)
        {
            if (option.Length > 0)
            {
                args.Add(option);
            }

            args.Add(value);
        }

        for (int k = rng.Next(Math.Min(4, optional.Count + 1)); k > 0 && optional.Count > 0; k--)
        {
            (string option, Func<string> value) = optional[rng.Next(optional.Count)];
            if (rng.Next(10) == 0)
            {
                option = option.Insert(2 + rng.Next(option.Length - 2), "x"); // a misspelt option
                mustFail = true;
            }

            args.Add(option);
            args.Add(value());
        }

        return new Case([.. args], mustFail);
    }

    public static string Describe(IEnumerable<string> args) => "twin " + string.Join(' ', args.Select(a => a.Length == 0 ? "''" : a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)).Replace(Path.GetTempPath(), "$TMP/", StringComparison.Ordinal);

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
