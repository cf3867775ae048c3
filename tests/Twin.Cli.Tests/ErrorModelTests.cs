using Twin.Core.Validation;
using Twin.Tests.Shared;

namespace Twin.Cli.Tests;

/// <summary>User errors: exit 2, every problem on stderr with file, field, value and a hint, no raw .NET text. Bugs: exit 70 and a log.</summary>
public sealed class ErrorModelTests
{
    private static string Sample(string file) => Path.Combine(RepoPaths.Samples, "warsaw-srodmiescie", file);

    [Fact]
    public void MissingStockFile_Exit2_NamesTheFile_NoDotNetMessage()
    {
        TwinProcess.Result r = TwinProcess.Run(["stock", "/nonexistent/buildings.geojson"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: /nonexistent/buildings.geojson: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("file not found", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: Check the path.", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", r.Stderr + r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryInputChecked_BeforeTheRun_AllProblemsAtOnce()
    {
        string dir = RepoPaths.NewTempDir();
        string bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, """{ "name": "x", "horizon": { "startYear": 2025, "endYear": 2020 }, "uptake": { "ratePerYear": 3 } }""");
        TwinProcess.Result r = TwinProcess.Run(["run", "--stock", Sample("buildings.geojson"), "--mapping", Path.Combine(dir, "missing-mapping.json"), "--scenario", bad, Path.Combine(dir, "missing.json"), "--climate", Path.Combine(dir, "no-climate.csv"), "--out", Path.Combine(dir, "out")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no-climate.csv: --climate", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.json: $.horizon", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.json: $.uptake.ratePerYear", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing.json: --scenario: scenario file not found", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing-mapping.json: --mapping", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")), "nothing was run");
    }

    [Theory]
    [InlineData("render", "--camera", "sideways")]
    [InlineData("render", "--size", "big")]
    [InlineData("run", "--threads", "0")]
    [InlineData("run", "--format", "xlsx")]
    public void BadOptionValue_Exit2_NamesTheOption(string command, string option, string value)
    {
        string[] args = command == "render"
            ? ["render", "--results", RepoPaths.NewTempDir(), "--column", "npv_eur", "--out", "x.png", option, value]
            : ["run", "--stock", Sample("buildings.geojson"), "--scenario", Path.Combine(RepoPaths.Samples, "scenarios", "bau.json"), "--out", RepoPaths.NewTempDir(), option, value];
        TwinProcess.Result r = TwinProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{option} = {value}", r.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Command lines the fuzz suite's CLI kind found ending in a stack trace (exit 70) or a hang; now clear errors.</summary>
    [Theory]
    [InlineData("climate --out {dir}/c.csv --epw {mapping}", "{mapping}: line 1", "is not an EPW LOCATION record")]
    [InlineData("climate --out {dir}/c.csv --nsrdb {dir}/empty.csv", "{dir}/empty.csv: (file)", "is too short for an NSRDB export")]
    [InlineData("climate --out {dir}/c.csv --epw {dir}/missing.epw", "{dir}/missing.epw: --epw", "weather file not found")]
    [InlineData("grid {stock} --out {dir}/g.geojson --cell 0", "command line: --cell = 0", "is not a cell size of 1 m to 100 km")]
    [InlineData("grid {stock} --out {dir}/g.geojson --cell 1.5", "command line: --cell = 1.5", "cells (at most 1,000,000)")]
    [InlineData("stock {stock} --out /proc/twin-cannot-write", "command line: --out = /proc/twin-cannot-write", "cannot be created")]
    [InlineData("compare {dir} --chrt x.png", "command line: arguments = --chrt", "is not an option of twin compare")]
    public void FoundByTheFuzzSuite_Exit2_NoStackTrace(string args, string where, string message)
    {
        string dir = RepoPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "empty.csv"), string.Empty);
        string Fill(string t) => t.Replace("{dir}", dir, StringComparison.Ordinal).Replace("{stock}", Sample("buildings.geojson"), StringComparison.Ordinal).Replace("{mapping}", Sample("bdot10k-mapping.json"), StringComparison.Ordinal);
        TwinProcess.Result r = TwinProcess.Run(Fill(args).Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {Fill(where)}", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sampel", "arguments = sampel: is not a command of twin", "Did you mean 'sample'?")]
    [InlineData("run --stok x.geojson", "arguments = --stok: is not an option of twin run", "Did you mean '--stock'?")]
    [InlineData("run --stock x --scenario y --out z --threads abc", "--threads = abc: is not a whole number", "twin run --help")]
    [InlineData("advise --typology PL.N.MFH.02 --floor-area abc", "--floor-area = abc: is not a number", "twin advise --help")]
    [InlineData("", "arguments: needs a command", "Give one of: sample, stock")]
    public void ParserErrors_InTheUsersTerms(string args, string error, string hint)
    {
        TwinProcess.Result r = TwinProcess.Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: command line: {error}", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(hint, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"ratePerYear\": 0.01", "\"ratePerYear\": \"fast\"", "$.uptake.ratePerYear (line 16): expects a number")]
    [InlineData("\"order\": \"worst-first\"", "\"order\": \"banana\"", "$.uptake.order (line 16): expects one of worst-first, random")]
    [InlineData("\"packages\": [", "\"packages\": [ { \"description\": \"no id\" },", "$.packages[0] (line 12): misses the required member(s) 'id'")]
    public void ScenarioOfTheWrongShape_NamesPathAndWhatIsExpected(string from, string to, string expected)
    {
        string dir = RepoPaths.NewTempDir(), bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(RepoPaths.Samples, "scenarios", "bau.json")).Replace(from, to, StringComparison.Ordinal));
        TwinProcess.Result r = TwinProcess.Run(["run", "--stock", Sample("buildings.geojson"), "--scenario", bad, "--out", Path.Combine(dir, "out")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"bad.json: {expected}", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Twin.Sim", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputInAFolderThatDoesNotExistYet_IsCreated_NotABug()
    {
        string json = Path.Combine(RepoPaths.NewTempDir(), "new", "folder", "advice.json");
        TwinProcess.Result r = TwinProcess.Run(["advise", "--typology", "PL.N.MFH.02", "--floor-area", "1800", "--json", json]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(json));
        TwinProcess.Result stdout = TwinProcess.Run(["advise", "--typology", "PL.N.MFH.02", "--floor-area", "1800", "--json", "-"]);
        Assert.StartsWith("{", stdout.Stdout, StringComparison.Ordinal); // standard output is the JSON alone, for jq
        Assert.Equal(2, TwinProcess.Run(["synth", "--count", "5", "--out", Path.Combine(RepoPaths.NewTempDir(), "s.xlsx")]).ExitCode);
    }

    [Fact]
    public void UnknownOption_Exit2()
    {
        TwinProcess.Result r = TwinProcess.Run(["stock", Sample("buildings.geojson"), "--colour", "red"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--colour", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionThatIsNotAnInputError_IsABug_Exit70WithALog()
    {
        Exception thrown;
        try
        {
            _ = Array.Empty<int>().First();
            throw new Xunit.Sdk.XunitException("unreachable");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        int code = Program.Fail(thrown, ["sample"]);
        Assert.Equal(Program.Bug, code);
        string log = Directory.EnumerateFiles(Path.GetTempPath(), $"twin-bug-*-{Environment.ProcessId}.log").OrderByDescending(File.GetLastWriteTimeUtc).First();
        Assert.Contains("Sequence contains no elements", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Contains("at ", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Equal(Program.Bug, Program.Fail(new ArgumentException("An item with the same key has already been added"), []));
    }

    [Fact]
    public void InputErrorsInsideParallelLoops_StayInputErrors()
    {
        var issue = new DataIssue("f.csv", null, "value", "x", null, "is not a number", "Fix it.", IssueOutcome.Fatal, IssueCodes.InvalidTable);
        Assert.Equal(Program.UserError, Program.Fail(new AggregateException(new InputException(issue)), []));
        Assert.Equal(Program.Cancelled, Program.Fail(new AggregateException(new OperationCanceledException()), []));
    }
}
