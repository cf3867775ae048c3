using System.Diagnostics;
using Twin.Core.Validation;
using Twin.Sim.Engine;

namespace Twin.Pipeline;

/// <summary>
/// One scenario run over one stock: the per-building results (<see cref="Result"/>, columns), the per-year pathway
/// (<see cref="Years"/>), the per-neighbourhood totals (<see cref="Neighbourhoods"/>) and the headline indicators
/// (<see cref="Headline"/>). Written to a run folder by <see cref="IO.RunDirectory"/>.
/// </summary>
public sealed class ScenarioRun
{
    private ScenarioRun(TwinStock stock, TwinData data, ScenarioFile scenario, SimulationResult result, DateTime startedUtc, TimeSpan elapsed)
    {
        Stock = stock;
        Data = data;
        Scenario = scenario;
        Result = result;
        StartedUtc = startedUtc;
        Elapsed = elapsed;
        Years = YearTotals.Of(result);
        Neighbourhoods = NeighbourhoodTotals.Of(stock.Buildings, result);
        Headline = Headline.From(scenario.Scenario.Name, scenario.Title, result.Simulated.Count(x => x), result.RenovatedTotal, scenario.Scenario.DiscountRate, Years);
    }

    /// <summary>The stock simulated.</summary>
    public TwinStock Stock { get; }

    /// <summary>The reference data used.</summary>
    public TwinData Data { get; }

    /// <summary>The scenario and its file.</summary>
    public ScenarioFile Scenario { get; }

    /// <summary>Per-building results as columns (index = stock index).</summary>
    public SimulationResult Result { get; }

    /// <summary>The pathway year by year.</summary>
    public IReadOnlyList<YearTotals> Years { get; }

    /// <summary>Totals per neighbourhood.</summary>
    public IReadOnlyList<NeighbourhoodTotals> Neighbourhoods { get; }

    /// <summary>Investment, subsidy, CO₂ by year and EUR per tonne avoided.</summary>
    public Headline Headline { get; }

    /// <summary>When the simulation started (UTC).</summary>
    public DateTime StartedUtc { get; }

    /// <summary>How long the simulation took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Runs one scenario with the default options.</summary>
    public static ScenarioRun Execute(TwinStock stock, TwinData data, ScenarioFile scenario) => Execute(stock, data, scenario, RunOptions.Default);

    /// <summary>Runs one scenario over the stock.</summary>
    /// <exception cref="OperationCanceledException"><see cref="RunOptions.Cancellation"/> was triggered.</exception>
    public static ScenarioRun Execute(TwinStock stock, TwinData data, ScenarioFile scenario, RunOptions options)
    {
        DateTime started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        string name = scenario.Scenario.Name;
        var simOptions = new SimulationOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            Cancellation = options.Cancellation,
            Progress = options.Progress is IProgress<RunProgress> p ? new Progress<double>(v => p.Report(new RunProgress($"{name}: simulating", v))) : null,
        };
        SimulationResult result = Simulator.Run(stock.Buildings, data.Simulation, scenario.Scenario, simOptions);
        return new ScenarioRun(stock, data, scenario, result, started, clock.Elapsed);
    }

    /// <summary>Runs every scenario over the same loaded stock, in order.</summary>
    public static IReadOnlyList<ScenarioRun> ExecuteAll(TwinStock stock, TwinData data, IReadOnlyList<ScenarioFile> scenarios, RunOptions? options = null) =>
        scenarios.Select(s => Execute(stock, data, s, options ?? RunOptions.Default)).ToList();

    /// <summary>
    /// Everything a run needs, checked before anything long starts, with the problems of all inputs reported at once:
    /// the data folder and its tables, the climate, the scenarios, the stock file, its mapping and neighbourhoods.
    /// Then the stock is loaded.
    /// </summary>
    /// <exception cref="InputException">Any input has problems: all of them.</exception>
    /// <param name="dataFolder">The reference-data folder (null: the default, <see cref="TwinData.DefaultFolder"/>).</param>
    /// <param name="climate">A climate table instead of the data folder's.</param>
    /// <param name="stock">The stock file and how to read it.</param>
    /// <param name="scenarioPaths">Scenario files.</param>
    /// <param name="options">Threads, cancellation, progress, formats.</param>
    /// <param name="network">The district-heating network the stock is on (a row of district_heat_networks.csv); null: the data folder's default.</param>
    public static (TwinData Data, TwinStock Stock, IReadOnlyList<ScenarioFile> Scenarios) Prepare(string? dataFolder, string? climate, StockSource stock, IReadOnlyList<string> scenarioPaths, RunOptions options, string? network = null)
    {
        var issues = new List<DataIssue>();
        TwinData? data = null;
        IReadOnlyList<ScenarioFile>? scenarios = null;
        (Core.Loading.AttributeMapping?, List<IO.InputFile>) stockInputs = default;
        InputChecks.Collect(issues, () => data = TwinData.Load(dataFolder, climate));
        if (data is not null && network is not null)
        {
            InputChecks.Collect(issues, () => data = data.WithNetwork(network));
        }

        InputChecks.Collect(issues, () => scenarios = ScenarioFile.LoadAll(scenarioPaths));
        InputChecks.Collect(issues, () => stockInputs = TwinStock.Check(stock));
        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }

        return (data!, Load(data!, stock, scenarios!, stockInputs, options), scenarios!);
    }

    /// <summary>As <see cref="Prepare(string?, string?, StockSource, IReadOnlyList{string}, RunOptions, string?)"/>, with the reference data already loaded.</summary>
    /// <exception cref="InputException">Any input has problems: all of them.</exception>
    public static (TwinStock Stock, IReadOnlyList<ScenarioFile> Scenarios) Prepare(TwinData data, StockSource stock, IReadOnlyList<string> scenarioPaths, RunOptions options)
    {
        var issues = new List<DataIssue>();
        IReadOnlyList<ScenarioFile>? scenarios = null;
        (Core.Loading.AttributeMapping?, List<IO.InputFile>) stockInputs = default;
        InputChecks.Collect(issues, () => scenarios = ScenarioFile.LoadAll(scenarioPaths));
        InputChecks.Collect(issues, () => stockInputs = TwinStock.Check(stock));
        return issues.Count > 0 ? throw new InputException(issues) : (Load(data, stock, scenarios!, stockInputs, options), scenarios!);
    }

    /// <summary>The stock is described in the year the scenarios start, unless the caller says otherwise.</summary>
    private static TwinStock Load(TwinData data, StockSource stock, IReadOnlyList<ScenarioFile> scenarios, (Core.Loading.AttributeMapping?, List<IO.InputFile>) checkedInputs, RunOptions options)
    {
        StockSource source = stock.ReferenceYear is null && scenarios.Count > 0 ? stock with { ReferenceYear = scenarios.Min(s => s.Scenario.Horizon.StartYear) } : stock;
        return TwinStock.Load(source, data, options, checkedInputs);
    }
}
