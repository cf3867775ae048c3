using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Twin.Core.Stock;
using Twin.Core.Validation;
using Twin.Pipeline;
using Twin.Pipeline.Advice;

namespace Twin.Fuzz.Tests;

/// <summary>The kinds of input the campaign mutates.</summary>
internal enum InputKind
{
    GeoJson,
    Scenario,
    GeoParquet,
    Mapping,
    Advise,
    GeoPackage,
    Shapefile,
    Cli,
}

/// <summary>How a case ended.</summary>
internal enum Outcome
{
    /// <summary>Accepted, every building accounted for, every number plausible.</summary>
    Accepted,

    /// <summary>Refused with issues naming file, field and what to do.</summary>
    InputError,

    /// <summary>Any other exception: a bug.</summary>
    Crash,

    /// <summary>Over the time budget.</summary>
    Hang,

    /// <summary>Over the memory budget: allocation not bounded by the input's size.</summary>
    OverMemory,

    /// <summary>Accepted with a lost building, a non-finite or absurd value, or a stock measured in the wrong CRS.</summary>
    SilentWrong,

    /// <summary>Refused, but a message shows .NET or library text (type names, exception jargon).</summary>
    RawMessage,

    /// <summary>Accepted although the mutation made the input certainly invalid (a misspelt key, say).</summary>
    InvalidAccepted,
}

/// <summary>One case's result.</summary>
internal sealed record CaseResult(InputKind Kind, int Index, Outcome Outcome, string What, string Detail);

/// <summary>
/// Runs seeded cases of every kind through the run library in this process, each with a time budget (and the memory
/// budget of the project's GC heap limit), and classifies how each ended.
/// </summary>
internal sealed partial class Campaign(Corpus corpus, int seed)
{
    private static readonly TextWriter RealOut = Console.Out, RealError = Console.Error;

    private static readonly Spectre.Console.IAnsiConsole RealAnsi = Spectre.Console.AnsiConsole.Console;

    private readonly Lazy<Json.Schema.JsonSchema> _schema = new(() => Json.Schema.JsonSchema.FromText(File.ReadAllText(Path.Combine(corpus.Data.Folder, "scenarios", "scenario.schema.json"))));

    /// <summary>Time budget of one case: far above what a valid 40-building case takes (~0.1 s).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Memory budget of one case (bytes allocated): a valid case of the corpus allocates at most ~60 MB (loading, one
    /// 26-year scenario, its checks); memory bound by the input means a damaged 25 KB file stays in the same range.
    /// </summary>
    public const long MemoryBudgetBytes = 1L << 30;

    private static readonly double[] Areas = [double.NaN, double.PositiveInfinity, -5, 0, 9.99, 10, 1e6, 1e7, 1800, 1e300];

    private static readonly string[] Typologies = ["", "PL", "PL.N.MFH.02", "pl.n.mfh.02", "PL.N.MFH.02.Gen", "PL.N.MFH.02.Gen.ReEx.001", "PL.N.XXX.99", "DE.N.SFH.01", " PL.N.SFH.01 ", "PL.N.SFH.01.Gen\0", new string('x', 10_000)];

    private static readonly string?[] Heatings = [null, "gas-boiler", "air-heat-pump", "GasBoiler", "gas-boilr", "", "district-heat", "coal-boiler", "\u0000"];

    private static readonly int?[] Years = [null, 1960, 1946, 1966, 2010, 0, -1, 3000, int.MaxValue, int.MinValue, 1000];

    public IEnumerable<CaseResult> Run(InputKind kind, int cases)
    {
        for (int i = 0; i < cases; i++)
        {
            var rng = new Random(unchecked((seed * 1_000_003) + ((int)kind * 100_003) + i) & 0x7FFFFFFF); // not HashCode.Combine: it is randomised per process
            yield return RunOne(kind, i, rng);
        }
    }

    private CaseResult RunOne(InputKind kind, int index, Random rng)
    {
        string dir = Path.Combine(corpus.Dir, kind.ToString(), index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        string what = "?";
        bool mustFail = false;
        Exception? error = null;
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        var task = Task.Run(() =>
        {
            try
            {
                (what, mustFail, Func<string> check) = Prepare(kind, dir, rng);
                return check();
            }
            catch (Exception ex)
            {
                error = ex;
                return null;
            }
        });

        bool finished = task.Wait(Budget);
        long allocated = GC.GetTotalAllocatedBytes() - allocatedBefore; // cases run one at a time: this is the case's
        CaseResult Result(Outcome o, string detail) => new(kind, index, o, what, detail);
        if (!finished)
        {
            return Result(Outcome.Hang, $"over {Budget.TotalSeconds} s; its input is kept in {Keep(dir, kind, index)}");
        }

        string? kept = error is null && mustFail && task.Result is not { Length: > 0 } ? Keep(dir, kind, index) : null; // an accepted invalid input, for a reproduction
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // a reader may still hold a file; the campaign folder is temporary
        }

        if (allocated > MemoryBudgetBytes)
        {
            return Result(Outcome.OverMemory, $"allocated {allocated >> 20} MiB for an input of at most {corpus.LargestInputBytes >> 10} KiB");
        }

        if (error is not null)
        {
            return Classify(error, Result);
        }

        string? violation = task.Result;
        return violation is { Length: > 0 } ? Result(Outcome.SilentWrong, violation)
            : mustFail ? Result(Outcome.InvalidAccepted, $"accepted; its input is kept in {kept}")
            : Result(Outcome.Accepted, string.Empty);
    }

    /// <summary>Copies a failing case's input out of the corpus folder (removed at the end) for a reproduction.</summary>
    private static string Keep(string dir, InputKind kind, int index)
    {
        string keep = Path.Combine(Path.GetTempPath(), "twin-fuzz-failures", $"{kind}-{index}");
        Directory.CreateDirectory(keep);
        foreach (string f in Directory.EnumerateFiles(dir))
        {
            try
            {
                File.Copy(f, Path.Combine(keep, Path.GetFileName(f)), overwrite: true);
            }
            catch (IOException)
            {
                // still being written by the hung case
            }
        }

        return keep;
    }

    private static CaseResult Classify(Exception error, Func<Outcome, string, CaseResult> result)
    {
        Exception e = error is AggregateException a && a.InnerExceptions.Count == 1 ? a.InnerExceptions[0] : error;
        if (e is not InputException input)
        {
            string where = string.Join(" < ", (e.StackTrace ?? string.Empty).Split('\n').Take(3).Select(l => l.Trim()));
            return result(Outcome.Crash, $"{e.GetType().Name}: {e.Message}".Split('\n')[0] + " " + where);
        }

        foreach (DataIssue i in input.Issues)
        {
            if (string.IsNullOrWhiteSpace(i.File) || string.IsNullOrWhiteSpace(i.Field) || string.IsNullOrWhiteSpace(i.Message))
            {
                return result(Outcome.RawMessage, $"issue without file/field/message: {i}");
            }

            if (Raw().IsMatch(i.Message + " " + i.Hint))
            {
                return result(Outcome.RawMessage, i.ToString());
            }
        }

        return result(Outcome.InputError, input.Issues[0].ToString());
    }

    /// <summary>Writes the case's input and returns what was mutated, whether it must fail, and the run-and-check of the input.</summary>
    private (string What, bool MustFail, Func<string> Check) Prepare(InputKind kind, string dir, Random rng)
    {
        switch (kind)
        {
            case InputKind.GeoJson:
            {
                Mutant m = Mutations.Json(Encoding.UTF8.GetString(corpus.GeoJson), rng);
                string path = Write(dir, "stock.geojson", m.Bytes);
                bool threads = rng.Next(10) == 0;
                return (m.What, false, () => CheckStock(new StockSource { Path = path, MappingPath = corpus.Mapping }, compareThreads: threads));
            }

            case InputKind.GeoParquet:
            {
                Mutant m = Mutations.Bytes(corpus.GeoParquet, rng);
                string path = Write(dir, "stock.parquet", m.Bytes);
                bool threads = rng.Next(10) == 0;
                return (m.What, false, () => CheckStock(new StockSource { Path = path }, compareThreads: threads));
            }

            case InputKind.GeoPackage:
            {
                Mutant m = Mutations.Bytes(corpus.GeoPackage, rng);
                string path = Write(dir, "stock.gpkg", m.Bytes);
                return (m.What, false, () => CheckStock(new StockSource { Path = path }));
            }

            case InputKind.Shapefile:
            {
                (byte[] shp, byte[] shx, byte[] dbf, byte[] prj) = corpus.Shapefile;
                int part = rng.Next(4);
                Mutant m = Mutations.Bytes(part switch { 0 => shp, 1 => shx, 2 => dbf, _ => prj }, rng);
                string path = Write(dir, "stock.shp", part == 0 ? m.Bytes : shp);
                Write(dir, "stock.shx", part == 1 ? m.Bytes : shx);
                Write(dir, "stock.dbf", part == 2 ? m.Bytes : dbf);
                Write(dir, "stock.prj", part == 3 ? m.Bytes : prj);
                string[] names = [".shp", ".shx", ".dbf", ".prj"];
                // A damaged .prj that still reads as WKT defines another CRS (a changed false northing moves the stock): the
                // buildings may then rightly be measured elsewhere, so only the CRS check is left out for it.
                return ($"{names[part]}: {m.What}", false, () => CheckStock(new StockSource { Path = path, MappingPath = corpus.ShapefileMapping() }, expectPoland: part != 3));
            }

            case InputKind.Scenario:
            {
                (string name, string json) = corpus.Scenarios[rng.Next(corpus.Scenarios.Count)];
                Mutant m = Mutations.Json(json, rng);
                // Beside a copy of the data folder's rule files, as in the data folder, so that { "rules": "id" } resolves.
                string path = Write(Path.Combine(dir, "scenarios"), name, m.Bytes);
                Directory.CreateDirectory(Path.Combine(dir, "subsidies"));
                foreach (string rules in Directory.GetFiles(Path.Combine(corpus.Data.Folder, "subsidies"), "*.json"))
                {
                    File.Copy(rules, Path.Combine(dir, "subsidies", Path.GetFileName(rules)));
                }

                // What the shipped schema refuses twin must refuse too (the validator checks more: cross-references, magnitudes).
                bool schemaRefuses = !SchemaAccepts(m.Bytes);
                return ($"{name}: {m.What}{(schemaRefuses ? " (the schema refuses it)" : string.Empty)}", schemaRefuses || (m.MustFail && !Regex.IsMatch(m.What, @"\.\d{4}\b")), () =>
                {
                    ScenarioRun run = ScenarioRun.Execute(corpus.Stock, corpus.Data, ScenarioFile.Load(path));
                    return CheckRun(run);
                });
            }

            case InputKind.Mapping:
            {
                Mutant m = Mutations.Json(corpus.MappingJson, rng);
                string path = Write(dir, "mapping.json", m.Bytes);
                bool mustFail = m.MustFail && !m.What.Contains("useClasses", StringComparison.Ordinal);
                return (m.What, mustFail, () => CheckStock(new StockSource { Path = Path.Combine(corpus.Dir, "base.geojson"), MappingPath = path }));
            }

            case InputKind.Cli:
            {
                CliCases.Case c = CliCases.Make(corpus, dir, rng);
                return (CliCases.Describe(c.Args), c.MustFail, () => RunCli(c.Args, dir));
            }

            default:
            {
                string typology = Typologies[rng.Next(Typologies.Length)];
                double area = rng.Next(3) == 0 ? Areas[rng.Next(Areas.Length)] : 10 + (rng.NextDouble() * 5000);
                string? heating = Heatings[rng.Next(Heatings.Length)];
                int? year = Years[rng.Next(Years.Length)];
                string what = $"--typology '{typology[..Math.Min(20, typology.Length)]}' --floor-area {area} --heating {heating ?? "-"} --year {year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";

                // Certainly invalid: no type or many, a type of another country or none, an implausible area or year, no such generator.
                bool invalid = typology is "" or "PL" or "PL.N.XXX.99" or "DE.N.SFH.01" || typology.Length > 100
                    || !double.IsFinite(area) || area < 10 || area > 1e6
                    || year is 0 or -1 or 3000 or int.MaxValue or int.MinValue
                    || heating is "gas-boilr" or "" or "coal-boiler\u0000" or "\u0000";
                return (what, invalid, () =>
                {
                    AdviceReport r = Advising.ForType(corpus.Data, ScenarioFile.Load(corpus.Data.Sample.AdvisorScenarioPath), typology, area, heating, year);
                    return r.Packages.All(p => double.IsFinite(p.InvestmentEur) && double.IsFinite(p.HeatNeedBeforeKWh) && double.IsFinite(p.Co2BeforeKg)) ? string.Empty : "non-finite advice";
                });
            }
        }
    }

    private string CheckStock(StockSource source, bool expectPoland = true, bool compareThreads = false)
    {
        TwinStock stock = TwinStock.Load(source, corpus.Data);
        BuildingStock s = stock.Buildings;
        if (stock.Result.Read != s.Count + stock.Result.Rejects.Count)
        {
            return $"lost buildings: read {stock.Result.Read}, accepted {s.Count}, rejected {stock.Result.Rejects.Count}";
        }

        double[][] numbers = [s.FootprintAreaM2, s.PerimeterM, s.PartyWallLengthM, s.HeightM, s.GrossFloorAreaM2, s.HeatedFloorAreaM2, s.WallAreaM2, s.RoofAreaM2, s.WindowNorthM2, s.WindowEastM2, s.WindowSouthM2, s.WindowWestM2];
        if (numbers.Any(c => c.Any(v => !double.IsFinite(v) || v < 0)))
        {
            return "a non-finite or negative measure in the stock";
        }

        // The largest building footprints on Earth are below 1 km²; the 40 buildings of the corpus below 0.1 km².
        if (s.FootprintAreaM2.Any(a => a > 1e6))
        {
            return $"a footprint of {s.FootprintAreaM2.Max():G3} m²";
        }

        // The corpus lies in Warsaw: as long as some of its buildings are accepted, they are measured in EPSG:2180.
        if (expectPoland && s.Count > 0 && s.Crs.Epsg != 2180)
        {
            return $"measured in {s.Crs.Label} instead of EPSG:2180";
        }

        if (s.Count == 0)
        {
            return string.Empty;
        }

        ScenarioFile scenario = ScenarioFile.Load(corpus.Data.Sample.ScenarioPaths[1]);
        ScenarioRun run = ScenarioRun.Execute(stock, corpus.Data, scenario);
        string problem = CheckRun(run);
        if (problem.Length == 0 && compareThreads)
        {
            // Same input, one thread instead of all: bit-identical stock and results.
            var one = new RunOptions { MaxDegreeOfParallelism = 1 };
            TwinStock stock1 = TwinStock.Load(source, corpus.Data, one);
            ScenarioRun run1 = ScenarioRun.Execute(stock1, corpus.Data, scenario, one);
            bool same = stock1.Fingerprint == stock.Fingerprint && stock1.Result.Rejects.Count == stock.Result.Rejects.Count
                && run1.Years.Select(y => BitConverter.DoubleToInt64Bits(y.Co2Kg)).SequenceEqual(run.Years.Select(y => BitConverter.DoubleToInt64Bits(y.Co2Kg)))
                && run1.Result.HeatNeedBeforeKWh.AsSpan().SequenceEqual(run.Result.HeatNeedBeforeKWh);
            problem = same ? string.Empty : "results differ between 1 thread and all threads";
        }

        return problem;
    }

    private static string CheckRun(ScenarioRun run)
    {
        Twin.Sim.Engine.SimulationResult r = run.Result;
        bool finite = run.Years.All(y => double.IsFinite(y.Co2Kg) && double.IsFinite(y.InvestmentEur) && double.IsFinite(y.EnergyCostEur))
            && Enumerable.Range(0, r.BuildingCount).Where(i => r.Simulated[i]).All(i => double.IsFinite(r.HeatNeedBeforeKWh[i]) && double.IsFinite(r.InvestmentEur[i]) && r.HeatNeedBeforeKWh[i] >= 0);
        return finite ? string.Empty : "a non-finite or negative result";
    }

    /// <summary>
    /// Runs the twin program in this process with its output captured: exit 0 is accepted, 2 must come with messages
    /// in the user's terms (an <see cref="InputException"/> is raised for the classification), anything else is a crash.
    /// </summary>
    private static string RunCli(string[] args, string dir)
    {
        var err = new StringWriter();
        string cwd = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(dir); // default outputs (compare-co2.png…) land in the case's folder
        Console.SetOut(TextWriter.Null);
        Console.SetError(err);
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) });
        int code;
        try
        {
            code = Twin.Cli.Program.Main(args);
        }
        finally
        {
            // Always back to the process's own writers: a case over its time budget may still end later.
            Directory.SetCurrentDirectory(cwd);
            Console.SetOut(RealOut);
            Console.SetError(RealError);
            Spectre.Console.AnsiConsole.Console = RealAnsi;
        }

        string text = err.ToString();
        return code switch
        {
            0 => string.Empty,
            2 when text.StartsWith("error: ", StringComparison.Ordinal) => throw new InputException(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => new DataIssue("stderr", null, "(command line)", null, null, l, string.Join(' ', text.Split('\n').Where(h => h.TrimStart().StartsWith("hint:", StringComparison.Ordinal))), IssueOutcome.Fatal, IssueCodes.InvalidInput)).ToList()),
            _ => throw new InvalidOperationException($"exit {code}: {text.Split('\n')[0]}"),
        };
    }

    private bool SchemaAccepts(byte[] json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 20_000 });
            return _schema.Value.Evaluate(doc.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.Flag }).IsValid;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // not UTF-8
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return true; // JsonSchema.Net compares numbers as decimal: beyond ±7.9e28 it cannot judge; no claim then
        }
    }

    private static string Write(string dir, string name, byte[] bytes)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Library or .NET text a user should not see in a message.</summary>
    [GeneratedRegex(@"System\.|Exception|NullReference|Object reference|Parameter '|could not be converted|LineNumber|BytePosition|Twin\.(Core|Sim|Pipeline)\.|`1|\bat [A-Z][a-zA-Z]+\.[A-Z]")]
    private static partial Regex Raw();
}
