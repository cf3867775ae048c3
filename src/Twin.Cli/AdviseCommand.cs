using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Twin.Cli.Runs;
using Twin.Core.Loading;
using Twin.Core.Stock;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Cli;

/// <summary><c>twin advise</c>: ranked renovation packages for ONE building, as a table and as JSON.</summary>
internal static class AdviseCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static Command Create()
    {
        var typology = new Option<string?>("--typology") { Description = "TABULA type, e.g. PL.N.MFH.02 (or a full code)" };
        var area = new Option<double?>("--floor-area") { Description = "Heated (reference) floor area [m²]" };
        var heating = new Option<string?>("--heating") { Description = $"Current heat generator: {string.Join(", ", Enum.GetValues<HeatingSystem>().Select(ScenarioValidator.KebabName))}" };
        var year = new Option<int?>("--year") { Description = "Construction year (default: middle of the type's period)" };
        var building = new Option<string?>("--building-id") { Description = "Advise a building of a stock instead (with --stock)" };
        var stock = new Option<string?>("--stock") { Description = "Stock for --building-id (default: the bundled sample district)" };
        var mapping = new Option<string?>("--mapping") { Description = "Attribute mapping for --stock (default: the sample's BDOT10k mapping when --stock is not given)" };
        var scenario = new Option<string?>("--scenario") { Description = "Advisor scenario: packages, prices, subsidies (default: data/samples/scenarios/advisor.json)" };
        var json = new Option<string?>("--json") { Description = "Also write the advice as JSON to this file ('-' = standard output only)" };
        var command = new Command("advise", "Ranked renovation packages for one building: cost, subsidy, savings, payback, CO₂, class") { typology, area, heating, year, building, stock, mapping, scenario, json };
        command.SetAction(r =>
        {
            SimulationData data = EngineInputs.Load(SamplePaths.Root);
            Scenario advisor = ScenarioJson.Parse(File.ReadAllText(r.GetValue(scenario) ?? Path.Combine(SamplePaths.Root, "scenarios", "advisor.json")), "advisor scenario");
            BuildingStock one;
            if (r.GetValue(building) is string id)
            {
                string path = r.GetValue(stock) ?? SamplePaths.Buildings;
                AttributeMapping m = r.GetValue(mapping) is string mp ? AttributeMapping.Load(mp) : r.GetValue(stock) is null ? AttributeMapping.Load(SamplePaths.Mapping) : AttributeMapping.Osm;
                LoadResult load = StockLoader.Load(path, data.Typologies, new StockLoadOptions { Mapping = m });
                int index = Array.IndexOf(load.Stock.Ids, id);
                if (index < 0)
                {
                    throw new ArgumentException($"--building-id {id}: no such building in {path} ({load.Stock.Count} buildings; rejected ones are in the load's rejects).");
                }

                one = load.Stock.Subset([index]);
            }
            else
            {
                string code = r.GetValue(typology) ?? throw new ArgumentException("give --typology and --floor-area (or --building-id)");
                double a = r.GetValue(area) ?? throw new ArgumentException("--floor-area is required with --typology");
                if (a is <= 10 or > 1_000_000)
                {
                    throw new ArgumentException($"--floor-area {a} m² is not plausible (10–1,000,000 m²).");
                }

                int t = Enumerable.Range(0, data.Typologies.Types.Count).FirstOrDefault(k => data.Typologies.Types[k].Code.StartsWith(code, StringComparison.OrdinalIgnoreCase), -1);
                if (t < 0)
                {
                    throw new ArgumentException($"--typology {code}: unknown; types are {string.Join(", ", data.Typologies.Types.Select(x => x.TypeCode))}.");
                }

                one = VirtualBuilding.Create(data.Typologies, t, a, r.GetValue(year), id: code);
            }

            if (r.GetValue(heating) is string h)
            {
                if (!ScenarioValidator.TryParseHeating(h, out HeatingSystem system))
                {
                    throw new ArgumentException($"--heating {h}: use one of {string.Join(", ", Enum.GetValues<HeatingSystem>().Select(ScenarioValidator.KebabName))}.");
                }

                data = data with { CurrentHeating = Enum.GetValues<SizeClass>().ToDictionary(s => s, _ => system) };
            }

            IReadOnlyList<Advice> advice = Advisor.Advise(one, data, advisor);
            Print(one, data, advice);
            if (r.GetValue(json) is string jsonPath)
            {
                string text = JsonSerializer.Serialize(new { building = one.Ids[0], typology = data.Typologies.Types[one.TypologyIndex[0]].Code, heated_floor_area_m2 = one.HeatedFloorAreaM2[0], heating_before = ScenarioValidator.KebabName(data.CurrentHeating[one.SizeClass[0]]), packages = advice }, Json);
                if (jsonPath == "-")
                {
                    Console.WriteLine(text);
                }
                else
                {
                    File.WriteAllText(jsonPath, text);
                }
            }

            return 0;
        });
        return command;
    }

    private static void Print(BuildingStock one, SimulationData data, IReadOnlyList<Advice> advice)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        var type = data.Typologies.Types[one.TypologyIndex[0]];
        AnsiConsole.MarkupLine(string.Create(ci, $"[bold]{Markup.Escape(one.Ids[0])}[/]: {type.Label}, {one.HeatedFloorAreaM2[0]:N0} m² heated, {ScenarioValidator.KebabName(data.CurrentHeating[one.SizeClass[0]])}, class {Markup.Escape((advice.Count > 0 ? advice[0].ClassBefore : "?"))}"));
        var t = new Table().AddColumns("#", "package", "investment EUR", "subsidy EUR", "net EUR", "savings EUR/a", "payback a", "NPV EUR", "CO₂ cut t/a", "class");
        foreach (int c in new[] { 2, 3, 4, 5, 6, 7, 8 })
        {
            t.Columns[c].RightAligned();
        }

        int rank = 0;
        foreach (Advice a in advice)
        {
            t.AddRow((++rank).ToString(ci), Markup.Escape(a.Package), a.InvestmentEur.ToString("N0", ci), a.SubsidyEur.ToString("N0", ci), a.NetInvestmentEur.ToString("N0", ci), a.AnnualSavingsEur.ToString("N0", ci),
                double.IsFinite(a.SimplePaybackYears) ? a.SimplePaybackYears.ToString("0.0", ci) : "–", a.NpvEur.ToString("N0", ci), (a.Co2CutKg / 1000).ToString("0.0", ci), $"{Markup.Escape(a.ClassBefore)} → {Markup.Escape(a.ClassAfter)}");
        }

        AnsiConsole.Write(t);
    }
}
