using NetTopologySuite.Geometries;
using Twin.Core.Stock;
using Twin.Core.Validation;

namespace Twin.Core.Loading;

/// <summary>A building that could not be loaded, with its original geometry (if any) and why.</summary>
public sealed record RejectedBuilding(int SourceRow, string? Id, string Code, string Reason, Geometry? Geometry);

/// <summary>
/// Everything a load produced. Invariant: <c>Read == Stock.Count + Rejects.Count</c> — every input
/// building is either in the stock or in the rejects, with its reason.
/// </summary>
public sealed record LoadResult(
    string Source,
    int Read,
    BuildingStock Stock,
    IReadOnlyList<RejectedBuilding> Rejects,
    IReadOnlyList<DataIssue> Issues,
    int Repaired,
    TimeSpan Elapsed)
{
    /// <summary>The CRS the source was read in (for writing rejects in their original coordinates); null if unknown.</summary>
    public Spatial.CoordinateReferenceSystem? SourceCrs { get; init; }

    /// <summary>True when an input problem stopped the whole load (e.g. an unknown CRS).</summary>
    public bool IsFatal => Issues.Any(i => i.Outcome == IssueOutcome.Fatal);

    /// <summary>Number of issues with this outcome.</summary>
    public int Count(IssueOutcome outcome) => Issues.Count(i => i.Outcome == outcome);
}
