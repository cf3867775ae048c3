namespace Twin.Core.Stock;

/// <summary>TABULA building size class (TABULA typology convention, episcope.eu).</summary>
public enum SizeClass : byte
{
    /// <summary>Not known (e.g. non-residential).</summary>
    Unknown = 0,

    /// <summary>Single-family house (one or two dwellings, detached).</summary>
    SFH = 1,

    /// <summary>Terraced house (single-family house sharing party walls).</summary>
    TH = 2,

    /// <summary>Multi-family house.</summary>
    MFH = 3,

    /// <summary>Apartment block (large, high multi-family building).</summary>
    AB = 4,
}

/// <summary>Where an attribute value came from, so users see what the twin guessed.</summary>
public enum AttributeSource : byte
{
    /// <summary>Read from the input data.</summary>
    Observed = 0,

    /// <summary>Derived by a documented rule (the rule is named in the stock's inference notes).</summary>
    Inferred = 1,

    /// <summary>Not known and not inferable.</summary>
    Missing = 2,
}

/// <summary>Broad use of a building; only residential buildings get a TABULA (residential) typology.</summary>
public enum BuildingUse : byte
{
    /// <summary>Not known (e.g. OSM building=yes).</summary>
    Unknown = 0,
    /// <summary>Residential: gets a TABULA typology.</summary>
    Residential = 1,
    /// <summary>Non-residential.</summary>
    NonResidential = 2,
}

/// <summary>The names of <see cref="AttributeSource"/> values as output files write them (observed, inferred, missing).</summary>
public static class AttributeSourceNames
{
    private static readonly string[] Names = Enum.GetValues<AttributeSource>().Select(x => x.ToString().ToLowerInvariant()).ToArray();

    /// <summary>The lower-case name of <paramref name="source"/>, shared (no string per row of a million-building table).</summary>
    public static string Name(this AttributeSource source) => Names[(int)source];
}
