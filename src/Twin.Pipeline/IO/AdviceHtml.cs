using System.Globalization;
using System.Text;
using Twin.Pipeline.Advice;

namespace Twin.Pipeline.IO;

/// <summary>The currency money is shown in: the engine computes in EUR; PLN is EUR × the stated exchange rate.</summary>
/// <param name="Code">ISO code shown (PLN, EUR).</param>
/// <param name="PerEur">Units of this currency per EUR.</param>
/// <param name="Source">Where the rate comes from (shown on every report).</param>
public sealed record DisplayCurrency(string Code, double PerEur, string Source)
{
    /// <summary>EUR itself.</summary>
    public static DisplayCurrency Eur { get; } = new("EUR", 1.0, "the engine's currency");

    /// <summary>PLN at the rate of the data folder (unit_costs.csv, exchange_rate_pln_per_eur).</summary>
    public static DisplayCurrency Pln(TwinData data) => new("PLN", data.Simulation.Costs["exchange_rate_pln_per_eur"], "NBP mid rate, unit_costs.csv exchange_rate_pln_per_eur");

    /// <summary>An amount in EUR, in this currency, rounded to whole units with thousands separators.</summary>
    public string Format(double eur) => double.IsFinite(eur) ? (eur * PerEur).ToString("N0", CultureInfo.InvariantCulture) : "–";
}

/// <summary>
/// A printable one-page advice report (A4, HTML with its own CSS, no scripts or external files): the building and what was
/// assumed, every offered package with investment, subsidy, net cost, savings, paybacks, NPV, CO₂, EP and class before and
/// after, the packages not offered and why, the notes a client must hear, and where the numbers come from.
/// </summary>
public static class AdviceHtml
{
    /// <summary>Writes the report of <paramref name="report"/> to <paramref name="path"/> (atomically: a temporary file renamed into place).</summary>
    public static void Write(AdviceReport report, DisplayCurrency currency, string path)
    {
        string tmp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(tmp, Render(report, currency), new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The report as one HTML document.</summary>
    public static string Render(AdviceReport report, DisplayCurrency currency)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        // UTF-8 document: only the markup characters are escaped (WebUtility.HtmlEncode would also turn ó, ² and → into entities).
        string E(string? s) => (s ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
        string M(double eur) => currency.Format(eur);
        string Y(double years) => double.IsFinite(years) ? years.ToString("0.0", ci) : "–";
        var h = new StringBuilder();
        h.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Renovation advice</title>
            <style>
            @page { size: A4 landscape; margin: 10mm; }
            body { font: 8.5pt/1.25 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0; }
            h1 { font-size: 14pt; margin: 0 0 1.5mm; } h2 { font-size: 10pt; margin: 2.5mm 0 0.8mm; }
            table { border-collapse: collapse; width: 100%; font-size: 8pt; } th, td { padding: 0.8mm 1.2mm; border-bottom: 0.3mm solid #ccc; vertical-align: top; }
            th { background: #eef2f5; text-align: left; font-weight: 600; } th.n { text-align: right; } td.n { text-align: right; white-space: nowrap; }
            td.pkg { min-width: 62mm; }
            tr.best td { font-weight: 600; background: #f3faf3; } .facts td { border: none; padding: 0.5mm 3mm 0.5mm 0; }
            .note { background: #fff6e0; border-left: 1.2mm solid #e0a000; padding: 1mm 3mm; margin: 1mm 0; }
            .small { font-size: 7pt; color: #444; } ul { margin: 0.5mm 0; padding-left: 5mm; } p { margin: 1mm 0; }
            </style></head><body>
            """);
        h.Append(ci, $"<h1>Renovation advice — {E(report.TypologyLabel)}, {report.HeatedFloorAreaM2:N0} m²</h1>");
        h.Append("<table class=\"facts\"><tr>");
        h.Append(ci, $"<td><b>Building</b> {E(report.BuildingId)} ({E(report.Typology)})</td><td><b>Heating today</b> {E(report.HeatingBefore)}</td>");
        h.Append(ci, $"<td><b>Class today</b> {E(report.ClassBefore)}</td><td><b>City</b> {E(report.City ?? "not given — regional heating bans not checked")}</td>");
        h.Append(ci, $"<td><b>Money</b> in {currency.Code} (1 EUR = {currency.PerEur:0.00} {currency.Code}, {E(currency.Source)})</td></tr></table>");
        foreach (string note in report.Notes)
        {
            h.Append(ci, $"<div class=\"note\">{E(note)}</div>");
        }

        h.Append("<h2>Packages, best net present value first</h2><table><tr><th>#</th><th>package</th>");
        foreach (string c in new[] { $"investment {currency.Code}", $"subsidy {currency.Code}", $"net cost {currency.Code}", $"of which anyway {currency.Code}", $"savings {currency.Code}/a", "payback a", "discounted payback a", $"NPV {currency.Code}", "CO₂ t/a", "EP kWh/(m²a)", "class" })
        {
            h.Append(ci, $"<th class=\"n\">{E(c)}</th>");
        }

        h.Append("</tr>");
        int rank = 0;
        foreach (Sim.Engine.Advice a in report.Packages)
        {
            h.Append(ci, $"<tr{(rank == 0 ? " class=\"best\"" : string.Empty)}><td>{++rank}</td><td class=\"pkg\">{E(a.Description.Length > 0 ? a.Description : a.Package)}</td>");
            h.Append(ci, $"<td class=\"n\">{M(a.InvestmentEur)}</td><td class=\"n\">{M(a.SubsidyEur)}</td><td class=\"n\">{M(a.NetInvestmentEur)}</td><td class=\"n\">{M(a.AnywayEur)}</td><td class=\"n\">{M(a.AnnualSavingsEur)}</td>");
            h.Append(ci, $"<td class=\"n\">{Y(a.SimplePaybackYears)}</td><td class=\"n\">{Y(a.DiscountedPaybackYears)}</td><td class=\"n\">{M(a.NpvEur)}</td>");
            h.Append(ci, $"<td class=\"n\">{a.Co2BeforeKg / 1000:0.0} → {a.Co2AfterKg / 1000:0.0}</td><td class=\"n\">{a.PrimaryBeforeKWhPerM2:0} → {a.PrimaryAfterKWhPerM2:0}</td><td class=\"n\">{E(a.ClassBefore)} → {E(a.ClassAfter)}</td></tr>");
        }

        h.Append("</table>");
        if (report.NotOffered.Count > 0)
        {
            h.Append("<h2>Not offered</h2><ul>");
            // One line per reason (a Kraków coal house has three packages refused for the same ban), so the page stays one page.
            foreach (IGrouping<string, Sim.Engine.NotOffered> g in report.NotOffered.GroupBy(n => n.Reason, StringComparer.Ordinal))
            {
                h.Append(ci, $"<li>{string.Join(", ", g.Select(n => $"<b>{E(n.Description.Length > 0 ? n.Description : n.Package)}</b>"))}: {E(g.Key)}</li>");
            }

            h.Append("</ul>");
        }

        if (report.Programmes.Count > 0)
        {
            h.Append("<h2>Support counted in the subsidy column</h2><ul>");
            IReadOnlyList<Sim.Economics.SubsidyLine> best = report.Packages.Count > 0 ? report.Packages[0].Subsidies : [];
            foreach (Sim.Scenarios.SubsidyProgramme p in report.Programmes)
            {
                string what = Describe(p, M, currency.Code);
                // The full source is in the rule file (and the JSON output); the page names the edition and the file.
                string label = p.Illustrative ? " — <b>illustrative, not a real programme's rules</b>"
                    : $" — edition {E(p.Edition ?? "not stated")}{(p.Rules is null ? string.Empty : $", rules: {(p.Rules.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? E(p.Rules) : $"subsidies/{E(p.Rules)}.json")}")}";
                string forBest = best.FirstOrDefault(l => l.Programme == p.Name) is { } line
                    ? string.Create(ci, $" <b>For package 1: {M(line.AmountEur)} {currency.Code}</b> ({E(line.Reason)}).")
                    : string.Empty;
                h.Append(ci, $"<li>{E(p.Name)}: {E(what)}{label}.{forBest}</li>");
            }

            h.Append("</ul>");
        }

        if (report.Alternative is AdviceReport alt && alt.Packages.Count > 0)
        {
            Sim.Engine.Advice b = alt.Packages[0];
            h.Append(ci, $"<h2>If the building is {E(alt.TypologyLabel)}</h2><p>Best package: {E(b.Description)} — net cost {M(b.NetInvestmentEur)} {currency.Code}, savings {M(b.AnnualSavingsEur)} {currency.Code}/a, NPV {M(b.NpvEur)} {currency.Code}, class {E(b.ClassBefore)} → {E(b.ClassAfter)}.</p>");
        }

        h.Append("""
            <p class="small">How these numbers are made: the building's TABULA type scaled to its floor area (heat need verified against
            TABULA), delivered energy calibrated to measured consumption (TABULA Tab.CalcAdapt), the advisor scenario's energy prices
            and emission factors, Polish EPC primary-energy factors (Dz.U. 2015 poz. 376 as amended 2023). Savings, NPV and paybacks
            include maintenance and replacements (EN 15459-1); the anyway part of façade and roof works (render, scaffolding due
            anyway) is left out of them: payback = (net cost − anyway) / savings of energy and maintenance; the discounted payback
            also counts the replacement of the old boiler that the package avoids.
            Investment costs are German unit costs brought to Polish prices (Eurostat price level, GUS construction prices to
            end-2023) — ask for a quote; support follows each programme's rule file (thresholds partly from third-party
            transcriptions) — check its current terms with the operator. CO₂ and EP are for
            heating and hot water. Class and EP are computed at standard use, as a certificate does (the scale of the data folder:
            by default the draft Polish A+–G on EP).</p>
            </body></html>
            """);
        return h.ToString();
    }

    /// <summary>A programme's rules in one line: tax relief, tiered grant with capped items, or share with caps.</summary>
    private static string Describe(Sim.Scenarios.SubsidyProgramme p, Func<double, string> money, string code)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        if (p.Kind == Sim.Scenarios.SubsidyKind.TaxRelief)
        {
            return string.Create(ci, $"tax relief: up to {money(p.CapPerTaxpayerEur ?? 0)} {code} per taxpayer × {p.Taxpayers} deducted at {p.TaxRate:P0}");
        }

        string share = p.ShareByTier.Count > 0
            ? $"{string.Join(" / ", p.ShareByTier.Select(t => string.Create(ci, $"{t.Value:P0}")))} by income tier ({string.Join(" / ", p.ShareByTier.Keys)}; here {p.Tier})"
            : string.Create(ci, $"{p.Share:P0}{(p.ShareWithPv is double w ? $" ({w:P0} with PV)" : string.Empty)}");
        string of = p.ItemCapsEur.Count > 0 ? "of the eligible items, each up to its maximum cost" : "of the investment";
        double? cap = p.Tier is string tier && p.CapByTierEur.TryGetValue(tier, out double c) ? c : p.CapPerBuildingEur;
        string most = cap is double m ? $", at most {money(m)} {code}" : string.Empty;
        string needs = p.MinSavingsShare is double s ? string.Create(ci, $"; the demand must fall by ≥ {s:P0}") : string.Empty;
        return $"grant of {share} {of}{most}{needs}";
    }
}
