using Twin.Core.Stock;
using Twin.Pipeline;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;

namespace Twin.Sim.Tests;

/// <summary>The bundled reference data, sample stock and scenarios, loaded once per test run through the run library (no setup of its own).</summary>
internal static class SimFixtures
{
    private static readonly Lazy<TwinData> LazyTwin = new(TwinData.Load);
    private static readonly Lazy<BuildingStock> LazySample = new(() => TwinStock.Load(LazyTwin.Value.Sample.Stock, LazyTwin.Value).Buildings);

    /// <summary>The engine data of the shipped data folder (TABULA PL national season; PV irradiation from the Warsaw monthly table).</summary>
    public static SimulationData Data => LazyTwin.Value.Simulation;

    public static BuildingStock SampleStock => LazySample.Value;

    public static Scenario Scenario(string name) => ScenarioFile.Load(Path.Combine(LazyTwin.Value.Folder, "scenarios", name + ".json")).Scenario;
}
