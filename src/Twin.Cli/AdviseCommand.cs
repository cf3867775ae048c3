using System.CommandLine;
using System.Text.Json;
using Twin.Cli.Output;
using Twin.Core.Validation;
using Twin.Pipeline;
using Twin.Pipeline.Advice;
using Twin.Pipeline.IO;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Cli;

/// <summary><c>twin advise</c>: ranked renovation packages for ONE building, as a table and as JSON.</summary>
internal static class AdviseCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static Command Create()
    {
        var typology = new Option<string?>("--typology") { Description = "TABULA type, e.g. PL.N.MFH.02 (or its full code)" };
        var area = new Option<double?>("--floor-area") { Description = "Heated (reference) floor area [m²]" };
        var heating = new Option<string?>("--heating") { Description = $"Current heat generator: {string.Join(", ", Enum.GetValues<HeatingSystem>().Select(ScenarioValidator.KebabName))}" };
        var year = new Option<int?>("--year") { Description = "Construction year (default: middle of the type's period)" };
        var building = new Option<string?>("--building-id") { Description = "Advise a building of a stock instead (with --stock)" };
        var stock = new Option<string?>("--stock") { Description = "Stock for --building-id (default: the bundled sample district)" };
        var mapping = new Option<string?>("--mapping") { Description = "Attribute mapping for --stock (default: the sample's BDOT10k mapping when --stock is not given)" };
        var scenario = new Option<string?>("--scenario") { Description = "Advisor scenario: packages, prices, subsidies (default: scenarios/advisor.json of the data folder)" };
        var json = new Option<string?>("--json") { Description = "Also write the advice as JSON to this file ('-' = standard output only)" };
        var network = Common.Network();
        var city = Common.City();
        var classes = Common.Classes();
        var districtHeat = new Option<string?>("--district-heat") { Description = "Whether a district-heating network is at the building: available or none (default: only if it is heated by district heat now)" };
        var house = new Option<string?>("--house") { Description = $"Kind of house, instead of a TABULA code: {string.Join(", ", Advising.HouseTypes.Keys)} (with --year and --floor-area)" };
        var htmlReport = new Option<string?>("--report") { Description = "Also write a printable one-page report (HTML) to this file" };
        var incomeTier = new Option<string?>("--income-tier") { Description = "The owners' income tier for programmes with tiers (Czyste Powietrze): basic, increased or highest (default: the advisor scenario's, basic in the shipped one)" };
        var currency = new Option<string?>("--currency") { Description = "Currency of the report and the table: PLN (default, at the data folder's NBP rate) or EUR" };
        Option<string?>[] renewal = Renewals.Options.Select(o => new Option<string?>(o) { Description = $"{o[2..].Replace('-', ' ')} since the house was built: a year (e.g. 2012), yes (year not known) or no (default: no for a house described by type, the stock's state for --building-id)" }).ToArray();
        var command = new Command("advise", "Ranked renovation packages for one building: cost, subsidy, savings, payback, CO₂, class") { typology, area, heating, year, building, stock, mapping, scenario, json, network, city, districtHeat, house, htmlReport, currency, classes, incomeTier };
        foreach (Option<string?> o in renewal)
        {
            command.Options.Add(o);
        }

        command.SetAction(r =>
        {
            TwinData data = Common.LoadData(r);
            data = r.GetValue(network) is string n ? data.WithNetwork(n) : data;
            data = data.WithDistrictHeatAvailable(r.GetValue(districtHeat) switch
            {
                null => null,
                "available" => true,
                "none" => false,
                string other => throw InputException.Argument("--district-heat", other, "is neither 'available' nor 'none'", "Say whether a district-heating network is at the building: --district-heat available, or --district-heat none."),
            });
            // The sample district's buildings are in Warsaw; a building given by type is wherever --city says.
            string? place = r.GetValue(city) ?? (r.GetValue(building) is not null && r.GetValue(stock) is null ? SampleDistrict.City : null);
            data = data.WithCity(place);
            data = r.GetValue(classes) is string scale ? data.WithClassScale(scale) : data;
            ScenarioFile advisor = Advising.WithIncomeTier(ScenarioFile.Load(r.GetValue(scenario) ?? data.Sample.AdvisorScenarioPath), r.GetValue(incomeTier));
            var renewals = new Renewals(r.GetValue(renewal[0]), r.GetValue(renewal[1]), r.GetValue(renewal[2]), r.GetValue(renewal[3]));
            AdviceReport report;
            if (r.GetValue(building) is string id)
            {
                StockSource source = r.GetValue(stock) is string path ? new StockSource { Path = path, MappingPath = r.GetValue(mapping) } : data.Sample.Stock with { NeighbourhoodsPath = null };
                var options = new RunOptions { Cancellation = Common.Cancellation };
                report = Advising.ForBuilding(data, advisor, TwinStock.Load(source with { ReferenceYear = advisor.Scenario.Horizon.StartYear }, data, options), id, r.GetValue(heating), renewals);
            }
            else if (r.GetValue(house) is string kind)
            {
                int built = r.GetValue(year) ?? throw InputException.Argument("--year", null, "is missing", "Give the year the house was built with --year (e.g. 1965).");
                double a = r.GetValue(area) ?? throw InputException.Argument("--floor-area", null, "is missing", "Give the heated floor area in m² with --floor-area.");
                report = Advising.ForHouse(data, advisor, kind, built, a, r.GetValue(heating), renewals);
            }
            else
            {
                string code = r.GetValue(typology) ?? throw InputException.Argument("--house", null, "is missing", "Give --house detached|semi-detached|terraced|multi-family|tenement|apartment-block with --year and --floor-area (or --typology CODE, or --building-id ID).");
                double a = r.GetValue(area) ?? throw InputException.Argument("--floor-area", null, "is missing", "Give the heated floor area in m² with --floor-area.");
                report = Advising.ForType(data, advisor, code, a, r.GetValue(heating), r.GetValue(year), renewals);
            }

            DisplayCurrency money = r.GetValue(currency)?.ToUpperInvariant() switch
            {
                null or "PLN" => DisplayCurrency.Pln(data),
                "EUR" => DisplayCurrency.Eur,
                string other => throw InputException.Argument("--currency", other, "is not a display currency", "Use PLN (the default) or EUR."),
            };
            if (r.GetValue(htmlReport) is string reportPath)
            {
                string file = Common.OutputFile(reportPath, "--report", ".html");
                AdviceHtml.Write(report, money, file);
                Console.Error.WriteLine($"report: {file}");
            }

            string? jsonPath = r.GetValue(json);
            if (jsonPath != "-")
            {
                AdviceTable.Print(report, money); // with --json -, standard output is the JSON alone (for jq and scripts)
            }

            if (jsonPath is not null)
            {
                string text = JsonSerializer.Serialize(new { building = report.BuildingId, typology = report.Typology, heated_floor_area_m2 = report.HeatedFloorAreaM2, heating_before = report.HeatingBefore, city = report.City, currency = "EUR", packages = report.Packages, not_offered = report.NotOffered, notes = report.Notes }, Json);
                if (jsonPath == "-")
                {
                    Console.WriteLine(text);
                }
                else
                {
                    File.WriteAllText(Common.OutputFile(jsonPath, "--json", ".json"), text);
                }
            }

            return 0;
        });
        return command;
    }
}
