using System.Globalization;
using Spectre.Console;
using Twin.Core.Validation;
using Twin.Pipeline.Calibration;

namespace Twin.Cli;

/// <summary>Prints a fit of calibration factors to meter readings: the factors, the fit before and after, the readings not used.</summary>
internal static class MeterReport
{
    public static void Print(MeterFit fit, IReadOnlyList<DataIssue> readIssues)
    {
        var table = new Table().Title($"Calibration to {Markup.Escape(fit.Source)}");
        foreach (string c in new[] { "typology", "readings", "modelled MWh/a", "metered MWh/a", "factor" })
        {
            table.AddColumn(c);
        }

        foreach (TypologyFactor f in fit.Factors)
        {
            table.AddRow(Markup.Escape(f.Typology), N(f.Readings, "N0"), N(f.ModelledKWh / 1000, "N0"), N(f.MeteredKWh / 1000, "N0"), N(f.Factor, "0.###") + (f.Applied ? string.Empty : " (not applied)"));
        }

        AnsiConsole.Write(table);
        string verdict = fit.After.Assessable
            ? $"({(fit.After.MeetsMonthlyCriteria ? "within" : "outside")} the monthly criteria ±5 % / 15 %; readings of many buildings are a cross-section, so the criteria are indicative)"
            : "(not assessable: no more readings than factors, so the fit is exact)";
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fit to {fit.ReadingsUsed:N0} readings (ASHRAE Guideline 14-2014: NMBE = Σ(m−s)/((n−p)·m̄), CV(RMSE) = √(Σ(m−s)²/(n−p))/m̄, p = factors fitted): " +
            $"before NMBE {P(fit.Before.NmbePercent)} %, CV(RMSE) {P(fit.Before.CvRmsePercent)} %; after NMBE {P(fit.After.NmbePercent)} %, CV(RMSE) {P(fit.After.CvRmsePercent)} % {verdict}"));
        foreach (DataIssue issue in readIssues.Concat(fit.Issues))
        {
            Console.Error.WriteLine(issue.ToString());
        }

        int skipped = readIssues.Count + fit.Issues.Count(i => i.Outcome == IssueOutcome.Rejected);
        if (skipped > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{skipped:N0} meter readings not used (reasons above)."));
        }
    }

    /// <summary>A percentage with one decimal, never "-0.0".</summary>
    private static string P(double v) => double.IsFinite(v) ? (Math.Round(v, 1) + 0.0).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string N(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
