using Twin.Core.IO;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Pipeline.IO;

/// <summary>Reads the reference tables of a data folder, turning every unreadable one into an issue (all of them, not the first).</summary>
internal sealed class ReferenceTables(List<DataIssue> issues)
{
    private const string Hint = "Restore the file from data/samples of the twin repository, or fix the data folder given with --data / TWIN_DATA.";

    public CsvTable? Csv(string path, string role) => Guard(path, role, () => CsvTable.Read(path));

    public TypologyCatalog? Typologies(string existing, string variants) => Guard(existing, "typology", () => TypologyCatalog.Load(existing, variants));

    public TabulaMeasureCatalog? Measures(string measures, string supplements) => Guard(measures, "measure", () => TabulaMeasureCatalog.Load(measures, supplements));

    private T? Guard<T>(string path, string role, Func<T> read)
        where T : class
    {
        if (InputFiles.Missing(path, role, "--data") is DataIssue missing)
        {
            issues.Add(missing with { Hint = Hint });
            return null;
        }

        try
        {
            return read();
        }
        catch (InputException ex)
        {
            issues.AddRange(ex.Issues);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            issues.Add(new DataIssue(path, null, "(file)", null, null, $"cannot read the {role} table: {ex.Message.TrimEnd('.')}", Hint, IssueOutcome.Fatal, IssueCodes.InvalidTable));
        }

        return null;
    }
}
