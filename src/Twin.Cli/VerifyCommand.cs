using System.CommandLine;
using System.Globalization;
using Twin.Core.IO;
using Twin.Sim.Verification;

namespace Twin.Cli;

/// <summary><c>twin verify tabula</c>: recompute q_h_nd of every row of a TABULA export from its inputs and compare with the published value.</summary>
internal static class VerifyCommand
{
    private static readonly string[] RequiredColumns = ["Code_BuildingVariant", "A_C_Ref", "q_h_nd", "U_Actual_Wall_1", "HeatingDays", "Theta_e", "theta_i"];

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "TABULA calculator export CSV (layout of episcope-tabula_existing_state_all_countries_tsib.csv)", Required = true };
        var output = new Option<string?>("--out") { Description = "CSV of code, published, computed, deviation % (default: tabula-verification.csv)" };
        var tolerance = new Option<double>("--tolerance") { Description = "Tolerance in % for the 'within' count", DefaultValueFactory = _ => 1.0 };
        var tabula = new Command("tabula", "Verify the seasonal balance against TABULA's published energy need for heating") { input, output, tolerance };
        tabula.SetAction(r =>
        {
            CsvTable table = CsvTable.Read(r.GetValue(input)!);
            foreach (string required in RequiredColumns)
            {
                if (!table.Has(required))
                {
                    throw new InvalidDataException($"{table.Source}: column '{required}' is missing; expected a TABULA calculator export.");
                }
            }

            IReadOnlyList<VerificationRow> rows = TabulaVerification.Verify(table.ToDictionaries());
            string outPath = r.GetValue(output) ?? "tabula-verification.csv";
            using (var w = new StreamWriter(outPath))
            {
                w.WriteLine("code,published_q_h_nd_kwh_per_m2,computed_q_h_nd_kwh_per_m2,deviation_percent");
                foreach (VerificationRow row in rows)
                {
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Code},{row.PublishedKWhPerM2:R},{row.ComputedKWhPerM2:R},{row.DeviationPercent:R}"));
                }
            }

            VerificationSummary summary = VerificationSummary.Of(rows, r.GetValue(tolerance));
            Console.WriteLine(summary);
            Console.WriteLine($"per-row results: {outPath}");
            return summary.WithinTolerance == summary.Rows ? 0 : 1;
        });
        return new Command("verify", "Verify the physics against published reference results") { tabula };
    }
}
