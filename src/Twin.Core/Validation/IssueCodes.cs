namespace Twin.Core.Validation;

/// <summary>Stable machine-readable codes of <see cref="DataIssue"/>s (used in rejects files and tests).</summary>
public static class IssueCodes
{
    /// <summary>The file does not exist.</summary>
    public const string FileNotFound = "file-not-found";
    /// <summary>The file exists but cannot be read in its format.</summary>
    public const string UnreadableFile = "unreadable-file";
    /// <summary>The file's CRS is unknown.</summary>
    public const string UnknownCrs = "unknown-crs";
    /// <summary>A feature is damaged (malformed JSON, WKB, …).</summary>
    public const string MalformedFeature = "malformed-feature";
    /// <summary>A feature has no id (one was given).</summary>
    public const string MissingId = "missing-id";
    /// <summary>A feature's id is used by an earlier feature.</summary>
    public const string DuplicateId = "duplicate-id";
    /// <summary>A feature has no geometry.</summary>
    public const string EmptyGeometry = "empty-geometry";
    /// <summary>A feature is not a polygon.</summary>
    public const string NotPolygonal = "not-polygonal";
    /// <summary>An invalid footprint was repaired.</summary>
    public const string InvalidGeometryRepaired = "invalid-geometry-repaired";
    /// <summary>An invalid footprint could not be repaired.</summary>
    public const string InvalidGeometryRejected = "invalid-geometry-rejected";
    /// <summary>A footprint is below the minimum area.</summary>
    public const string TooSmall = "footprint-too-small";
    /// <summary>Neither height nor storeys given.</summary>
    public const string MissingHeight = "missing-height";
    /// <summary>A height outside the plausible range.</summary>
    public const string AbsurdHeight = "absurd-height";
    /// <summary>Storeys outside the plausible range.</summary>
    public const string AbsurdStoreys = "absurd-storeys";
    /// <summary>Height and storeys do not fit together.</summary>
    public const string HeightStoreysMismatch = "height-storeys-mismatch";
    /// <summary>No construction year.</summary>
    public const string MissingYear = "missing-year";
    /// <summary>A construction year outside the plausible range.</summary>
    public const string AbsurdYear = "absurd-year";
    /// <summary>A value that cannot be parsed.</summary>
    public const string UnparsableValue = "unparsable-value";
    /// <summary>No TABULA typology applies.</summary>
    public const string NoTypology = "no-typology";
    /// <summary>A building outside every neighbourhood.</summary>
    public const string OutsideNeighbourhoods = "outside-neighbourhoods";
    /// <summary>An input cannot be used (general).</summary>
    public const string InvalidInput = "invalid-input";
    /// <summary>A command-line value cannot be used.</summary>
    public const string InvalidArgument = "invalid-argument";
    /// <summary>A reference table has a problem.</summary>
    public const string InvalidTable = "invalid-table";
    /// <summary>A scenario has a problem.</summary>
    public const string InvalidScenario = "invalid-scenario";
    /// <summary>An attribute mapping has a problem.</summary>
    public const string InvalidMapping = "invalid-mapping";
    /// <summary>The file's CRS cannot be used (an unsupported projection or a missing parameter).</summary>
    public const string UnusableCrs = "unusable-crs";
    /// <summary>A run folder is incomplete, modified or not a run.</summary>
    public const string IncompleteRun = "incomplete-run";
    /// <summary>Runs of different stocks were to be compared.</summary>
    public const string DifferentStocks = "different-stocks";
    /// <summary>Coordinates that are not finite or outside the CRS's range (e.g. metres read as degrees).</summary>
    public const string ImplausibleCoordinates = "implausible-coordinates";

    /// <summary>A footprint larger than any building.</summary>
    public const string TooLarge = "footprint-too-large";

    /// <summary>A building far from the rest of the stock, outside the area its metric CRS measures correctly.</summary>
    public const string FarOutlier = "far-outlier";
}
