namespace Twin.Core.Validation;

/// <summary>What happened to the input because of an issue.</summary>
public enum IssueOutcome : byte
{
    /// <summary>Reported only; the value was used as it is.</summary>
    Warning,

    /// <summary>The value was repaired (e.g. geometry fixed) and the building kept.</summary>
    Repaired,

    /// <summary>The value was replaced by an inferred one (flagged in the stock).</summary>
    Inferred,

    /// <summary>The building was rejected and written to the rejects output.</summary>
    Rejected,

    /// <summary>The whole input cannot be used (e.g. unknown CRS); nothing was loaded.</summary>
    Fatal,
}

/// <summary>
/// One problem found in an input: where (file, feature), what (field, value, unit), what was done
/// and what the user can do about it. Issues are collected, never thrown one at a time, so the
/// user sees the complete list before a long run starts.
/// </summary>
public sealed record DataIssue(
    string File,
    string? FeatureId,
    string Field,
    string? Value,
    string? Unit,
    string Message,
    string Hint,
    IssueOutcome Outcome,
    string Code)
{
    /// <summary>"[Outcome] file, feature id: field = value unit: message. hint".</summary>
    public override string ToString()
    {
        string where = FeatureId is null ? File : $"{File}, feature {FeatureId}";
        string value = Value is null ? string.Empty : $" = {Value}{(Unit is null ? string.Empty : " " + Unit)}";
        return $"[{Outcome}] {where}: {Field}{value}: {Message}. {Hint}";
    }
}
