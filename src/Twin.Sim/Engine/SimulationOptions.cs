namespace Twin.Sim.Engine;

/// <summary>Options of <see cref="Simulator"/>; defaults in one place.</summary>
public sealed record SimulationOptions
{
    /// <summary>Worker threads; null = all cores. Results do not depend on it (fixed chunks, ordered reduction).</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Buildings per work item: large enough to amortise scheduling, small enough to balance two cores.</summary>
    public int ChunkSize { get; init; } = 4096;

    /// <summary>Receives the completed fraction (0–1).</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Stops the run with an <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Keep every renovation's subsidy lines by programme (<see cref="SimulationResult.SubsidyLines"/>; the advisor's one building, not a city).</summary>
    public bool KeepSubsidyLines { get; init; }

    /// <summary>The defaults.</summary>
    public static SimulationOptions Default { get; } = new();
}

/// <summary>A scenario with problems: an input error whose issues are the problems, each at its JSON path.</summary>
public sealed class ScenarioException(IReadOnlyList<Scenarios.ScenarioProblem> problems, string source)
    : Twin.Core.Validation.InputException(problems.Select(p => p.ToIssue(source)).ToList())
{
    /// <summary>Every problem, in the order the validator found them.</summary>
    public IReadOnlyList<Scenarios.ScenarioProblem> Problems { get; } = problems;
}
