using Twin.Core.Validation;

namespace Twin.Pipeline;

/// <summary>Runs several input checks and keeps going after a failed one, so every problem of every input is reported at once.</summary>
internal static class InputChecks
{
    /// <summary>Runs <paramref name="step"/>; its input problems are added to <paramref name="issues"/> instead of stopping the caller.</summary>
    public static void Collect(List<DataIssue> issues, Action step)
    {
        try
        {
            step();
        }
        catch (InputException ex)
        {
            issues.AddRange(ex.Issues);
        }
    }
}
