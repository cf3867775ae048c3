using System.CommandLine;
using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Typologies;
using Twin.Core.Validation;
using Twin.Sim.Verification;

namespace Twin.Cli;

/// <summary>
/// <c>twin verify tabula</c>: recompute q_h_nd of every row of a TABULA export from its inputs and compare
/// with the published value. <c>twin verify tabula-variants</c>: apply the refurbishment measures to each
/// existing state and compare with the published "usual"/"advanced" variants.
/// </summary>
internal static class VerifyCommand
{
    private static readonly string[] RequiredColumns = ["Code_BuildingVariant", "A_C_Ref", "q_h_nd", "U_Actual_Wall_1", "HeatingDays", "Theta_e", "theta_i"];

    public static Command Create() => new("verify", "Verify the physics against published reference results") { Tabula(), TabulaVariants() };

    private static Command Tabula()
    {
        var input = new Option<string>("--input") { Description = "TABULA calculator export CSV (layout of episcope-tabula_existing_state_all_countries_tsib.csv)", Required = true };
        var output = new Option<string?>("--out") { Description = "CSV of code, published, computed, deviation % (default: tabula-verification.csv)" };
        var tolerance = new Option<double>("--tolerance") { Description = "Tolerance in % for the 'within' count", DefaultValueFactory = _ => 1.0 };
        var command = new Command("tabula", "Verify the seasonal balance against TABULA's published energy need for heating") { input, output, tolerance };
        command.SetAction(r =>
        {
            string path = r.GetValue(input)!;
            Pipeline.IO.InputFiles.Require(path, "TABULA export", "--input");
            CsvTable table = CsvTable.Read(path);
            foreach (string required in RequiredColumns)
            {
                if (!table.Has(required))
                {
                    throw InputException.Fatal(table.Source, required, null, $"column '{required}' is missing", "Give a TABULA calculator export (the layout of episcope-tabula_existing_state_all_countries_tsib.csv).", IssueCodes.InvalidTable);
                }
            }

            return Report(TabulaVerification.Verify(table.ToDictionaries()), r.GetValue(output) ?? "tabula-verification.csv", r.GetValue(tolerance));
        });
        return command;
    }

    private static Command TabulaVariants()
    {
        var existing = new Option<string?>("--existing") { Description = "Existing-state export (default: bundled Polish typology)" };
        var variants = new Option<string?>("--variants") { Description = "Variants file (default: bundled Polish variants)" };
        var measures = new Option<string[]>("--measures") { Description = "Measure tables in the IWU layout (default: bundled Polish measures + supplements)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "CSV of per-variant results (default: tabula-variants-verification.csv)" };
        var tolerance = new Option<double>("--tolerance") { Description = "Tolerance in %", DefaultValueFactory = _ => 2.0 };
        var command = new Command("tabula-variants", "Apply TABULA refurbishment measures to each existing state and compare with the published variants") { existing, variants, measures, output, tolerance };
        command.SetAction(r =>
        {
            string typologies = Path.Combine(Pipeline.TwinData.ResolveFolder(r.GetValue(Common.Data)), "typologies");
            var existingRows = CsvTable.Read(r.GetValue(existing) ?? Path.Combine(typologies, "tabula_PL_existing_state.csv")).ToDictionaries();
            var variantRows = CsvTable.Read(r.GetValue(variants) ?? Path.Combine(typologies, "tabula_PL_variants.csv")).ToDictionaries();
            string[] measureFiles = r.GetValue(measures) is { Length: > 0 } m ? m : [Path.Combine(typologies, "tabula_measures_PL.csv"), Path.Combine(typologies, "measure_supplements_PL.csv")];
            var rows = TabulaVerification.VerifyVariants(existingRows, variantRows, TabulaMeasureCatalog.Load(measureFiles));
            return Report(rows, r.GetValue(output) ?? "tabula-variants-verification.csv", r.GetValue(tolerance));
        });
        return command;
    }

    private static int Report(IReadOnlyList<VerificationRow> rows, string outPath, double tolerance)
    {
        outPath = Common.OutputFile(outPath, "--out", ".csv");
        using (var w = new StreamWriter(outPath))
        {
            w.WriteLine("code,published_q_h_nd_kwh_per_m2,computed_q_h_nd_kwh_per_m2,deviation_percent");
            foreach (VerificationRow row in rows)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Code},{row.PublishedKWhPerM2:R},{row.ComputedKWhPerM2:R},{row.DeviationPercent:R}"));
            }
        }

        VerificationSummary summary = VerificationSummary.Of(rows, tolerance);
        Console.WriteLine(summary);
        Console.WriteLine($"per-row results: {outPath}");
        return summary.WithinTolerance == summary.Rows ? 0 : 1;
    }
}
