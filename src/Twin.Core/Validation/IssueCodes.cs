namespace Twin.Core.Validation;

/// <summary>Stable machine-readable codes of <see cref="DataIssue"/>s (used in rejects files and tests).</summary>
public static class IssueCodes
{
    public const string FileNotFound = "file-not-found";
    public const string UnreadableFile = "unreadable-file";
    public const string UnknownCrs = "unknown-crs";
    public const string MalformedFeature = "malformed-feature";
    public const string MissingId = "missing-id";
    public const string DuplicateId = "duplicate-id";
    public const string EmptyGeometry = "empty-geometry";
    public const string NotPolygonal = "not-polygonal";
    public const string InvalidGeometryRepaired = "invalid-geometry-repaired";
    public const string InvalidGeometryRejected = "invalid-geometry-rejected";
    public const string TooSmall = "footprint-too-small";
    public const string MissingHeight = "missing-height";
    public const string AbsurdHeight = "absurd-height";
    public const string AbsurdStoreys = "absurd-storeys";
    public const string HeightStoreysMismatch = "height-storeys-mismatch";
    public const string MissingYear = "missing-year";
    public const string AbsurdYear = "absurd-year";
    public const string UnparsableValue = "unparsable-value";
    public const string NoTypology = "no-typology";
    public const string OutsideNeighbourhoods = "outside-neighbourhoods";
    public const string InvalidInput = "invalid-input";
    public const string InvalidArgument = "invalid-argument";
    public const string InvalidTable = "invalid-table";
    public const string InvalidScenario = "invalid-scenario";
    public const string InvalidMapping = "invalid-mapping";
    public const string UnusableCrs = "unusable-crs";
    public const string IncompleteRun = "incomplete-run";
    public const string DifferentStocks = "different-stocks";
}
