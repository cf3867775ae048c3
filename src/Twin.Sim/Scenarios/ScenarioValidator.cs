using Twin.Core.Validation;
using Twin.Sim.Systems;

namespace Twin.Sim.Scenarios;

/// <summary>One problem in a scenario: JSON path, value and what to do.</summary>
public sealed record ScenarioProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";

    /// <summary>The problem as an input issue of the scenario file <paramref name="source"/>.</summary>
    public DataIssue ToIssue(string source) =>
        new(source, null, Path, null, null, Message, "Fix the scenario file (its schema: scenario.schema.json in the data folder).", IssueOutcome.Fatal, IssueCodes.InvalidScenario);
}

/// <summary>Checks a scenario completely and reports every problem at once (never stops at the first).</summary>
public static partial class ScenarioValidator
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex SafeName();

    /// <summary>Carrier names scenarios may give trajectories for.</summary>
    public static readonly IReadOnlyList<string> CarrierNames = ["gas", "oil", "coal", "biomass", "districtHeat", "electricity", "pvExport"];

    /// <summary>Every problem of the scenario (an empty list when it is valid).</summary>
    public static IReadOnlyList<ScenarioProblem> Validate(Scenario s)
    {
        var p = new List<ScenarioProblem>();
        if (s.SchemaVersion != 1)
        {
            p.Add(new("$.schemaVersion", $"version {s.SchemaVersion} is not supported; this engine reads version 1"));
        }

        if (string.IsNullOrWhiteSpace(s.Name))
        {
            p.Add(new("$.name", "a scenario needs a name"));
        }
        else if (!SafeName().IsMatch(s.Name))
        {
            p.Add(new("$.name", $"'{s.Name}' cannot name an output folder: use letters, digits, '-', '_' and '.' (not first), at most 100 characters, e.g. \"deep-renovation\"; put the long name in \"title\""));
        }

        if (s.Horizon is null)
        {
            p.Add(new("$.horizon", "missing; give {\"startYear\": 2025, \"endYear\": 2050}"));
        }
        else if (s.Horizon.EndYear < s.Horizon.StartYear || s.Horizon.StartYear < 2000 || s.Horizon.EndYear > 2100)
        {
            p.Add(new("$.horizon", $"{s.Horizon.StartYear}–{s.Horizon.EndYear} is not a valid horizon (start ≤ end, within 2000–2100)"));
        }

        if (s.DiscountRate is < 0 or > 0.5)
        {
            p.Add(new("$.discountRate", $"{s.DiscountRate} is outside 0–0.5 (a fraction per year, e.g. 0.03)"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < s.Packages.Count; i++)
        {
            RenovationPackage pk = s.Packages[i];
            string at = $"$.packages[{i}]";
            if (string.IsNullOrWhiteSpace(pk.Id) || !ids.Add(pk.Id))
            {
                p.Add(new($"{at}.id", $"'{pk.Id}' is empty or used twice; package ids must be unique"));
            }

            if (pk.Heating is not null && !IsHeatingName(pk.Heating))
            {
                p.Add(new($"{at}.heating", $"'{pk.Heating}' is not a heat generator; {HeatingHint(pk.Heating)}"));
            }

            if (pk.VentilationHeatRecovery is < 0 or > 0.95)
            {
                p.Add(new($"{at}.ventilationHeatRecovery", $"{pk.VentilationHeatRecovery} is outside 0–0.95"));
            }

            if (pk.PvRoofShare is < 0 or > 1)
            {
                p.Add(new($"{at}.pvRoofShare", $"{pk.PvRoofShare} is outside 0–1"));
            }

            if (pk.Envelope is EnvelopeTarget e)
            {
                if (e.Variant is not null and not ("usual" or "advanced"))
                {
                    p.Add(new($"{at}.envelope.variant", $"'{e.Variant}' must be \"usual\" or \"advanced\" (TABULA refurbishment variants)"));
                }

                foreach ((string name, double? u) in new[] { ("wallUWPerM2K", e.WallUWPerM2K), ("roofUWPerM2K", e.RoofUWPerM2K), ("floorUWPerM2K", e.FloorUWPerM2K), ("windowUWPerM2K", e.WindowUWPerM2K) })
                {
                    if (u is double v && (v <= 0.05 || v > 6))
                    {
                        p.Add(new($"{at}.envelope.{name}", $"{v} W/(m²K) is not a plausible U-value (0.05–6)"));
                    }
                }

                foreach ((string name, double? cm) in new[] { ("wallInsulationCm", e.WallInsulationCm), ("roofInsulationCm", e.RoofInsulationCm), ("floorInsulationCm", e.FloorInsulationCm) })
                {
                    if (cm is double v && (v <= 0 || v > 50))
                    {
                        p.Add(new($"{at}.envelope.{name}", $"{v} cm is not a plausible insulation thickness (0–50 cm)"));
                    }
                }

                if (e.WindowG is double g && (g <= 0 || g >= 1))
                {
                    p.Add(new($"{at}.envelope.windowG", $"{g} must lie between 0 and 1"));
                }

                if (e.Variant is null && e.WallUWPerM2K is null && e.RoofUWPerM2K is null && e.FloorUWPerM2K is null && e.WindowUWPerM2K is null
                    && e.WallInsulationCm is null && e.RoofInsulationCm is null && e.FloorInsulationCm is null)
                {
                    p.Add(new($"{at}.envelope", "names no variant and no U-value; remove it or give a target"));
                }
            }
        }

        for (int i = 0; i < s.Rules.Count; i++)
        {
            EligibilityRule r = s.Rules[i];
            if (!ids.Contains(r.Package))
            {
                p.Add(new($"$.rules[{i}].package", $"'{r.Package}' is not a package id ({string.Join(", ", ids)})"));
            }

            foreach (string c in r.SizeClasses.Where(c => c is not ("SFH" or "TH" or "MFH" or "AB")))
            {
                p.Add(new($"$.rules[{i}].sizeClasses", $"'{c}' is not a TABULA size class (SFH, TH, MFH, AB)"));
            }

            foreach (string h in r.CurrentHeating.Where(h => !IsHeatingName(h)))
            {
                p.Add(new($"$.rules[{i}].currentHeating", $"'{h}' is not a heat generator; {HeatingHint(h)}"));
            }

            if (r.BuiltFrom is int from && r.BuiltTo is int to && from > to)
            {
                p.Add(new($"$.rules[{i}]", $"builtFrom {from} is after builtTo {to}"));
            }
        }

        if (s.Uptake.RatePerYear is < 0 or > 1)
        {
            p.Add(new("$.uptake.ratePerYear", $"{s.Uptake.RatePerYear} is outside 0–1 (a share per year, e.g. 0.02)"));
        }

        if (s.Uptake.AnnualBudgetEur is < 0)
        {
            p.Add(new("$.uptake.annualBudgetEur", "must not be negative"));
        }

        CheckTrajectories(p, "$.pricesEurPerKWh", s.PricesEurPerKWh, 0, 5);
        CheckTrajectories(p, "$.emissionFactorsKgPerKWh", s.EmissionFactorsKgPerKWh, 0, 2);
        for (int i = 0; i < s.Subsidies.Count; i++)
        {
            SubsidyProgramme sp = s.Subsidies[i];
            if (sp.Share is < 0 or > 1)
            {
                p.Add(new($"$.subsidies[{i}].share", $"{sp.Share} is outside 0–1"));
            }

            foreach (string pkg in sp.Packages.Where(x => !ids.Contains(x)))
            {
                p.Add(new($"$.subsidies[{i}].packages", $"'{pkg}' is not a package id"));
            }

            if (sp.CapPerBuildingEur is < 0 || sp.CapPerM2Eur is < 0 || sp.CapPerTaxpayerEur is < 0)
            {
                p.Add(new($"$.subsidies[{i}]", "caps must not be negative"));
            }

            if (sp.TaxRate is < 0 or > 1)
            {
                p.Add(new($"$.subsidies[{i}].taxRate", $"{sp.TaxRate} is not a marginal income-tax rate (0–1, e.g. 0.12)"));
            }

            if (sp.Taxpayers is < 1 or > 20)
            {
                p.Add(new($"$.subsidies[{i}].taxpayers", $"{sp.Taxpayers} taxpayers: give 1–20 owners who may each deduct up to the cap"));
            }

            if (sp.Kind == SubsidyKind.TaxRelief && sp.CapPerTaxpayerEur is null)
            {
                p.Add(new($"$.subsidies[{i}].capPerTaxpayerEur", "a tax relief needs its cap per taxpayer"));
            }

            if (sp.Kind == SubsidyKind.TaxRelief && sp.TaxRate == 0)
            {
                p.Add(new($"$.subsidies[{i}].taxRate", "a tax relief needs the owners' marginal income-tax rate (e.g. 0.12)"));
            }

            CheckProgrammeRules(p, $"$.subsidies[{i}]", sp);
        }

        return p;
    }

    /// <summary>True for a heat generator's kebab-case name exactly as the scenario schema spells it (gas-boiler, not Gas-Boiler).</summary>
    private static bool IsHeatingName(string name) => Enum.GetValues<HeatingSystem>().Any(h => KebabName(h) == name);

    private static string HeatingHint(string name)
    {
        string[] names = Enum.GetValues<HeatingSystem>().Select(KebabName).ToArray();
        string? close = Twin.Core.Validation.Suggestions.Closest(name, names);
        return $"{(close is null ? string.Empty : $"did you mean '{close}'? ")}use one of {string.Join(", ", names)} (lower case, as the schema)";
    }

    /// <summary>The heat generator of a kebab-case (or enum) name, case-insensitive (tables and command lines; scenario files are strict).</summary>
    public static bool TryParseHeating(string name, out HeatingSystem system)
    {
        for (int k = 0; k < HeatingSystems.Length; k++)
        {
            if (string.Equals(HeatingKebabNames[k], name, StringComparison.OrdinalIgnoreCase) || string.Equals(HeatingEnumNames[k], name, StringComparison.OrdinalIgnoreCase))
            {
                system = HeatingSystems[k];
                return true;
            }
        }

        system = default;
        return false;
    }

    private static readonly HeatingSystem[] HeatingSystems = Enum.GetValues<HeatingSystem>();
    private static readonly string[] HeatingEnumNames = HeatingSystems.Select(h => h.ToString()).ToArray();
    private static readonly string[] HeatingKebabNames = HeatingSystems.Select(h => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(h.ToString())).ToArray();

    /// <summary>The kebab-case name of a heat generator, e.g. air-heat-pump (no allocation: the engine asks per building).</summary>
    public static string KebabName(HeatingSystem h) => (int)h >= 0 && (int)h < HeatingKebabNames.Length ? HeatingKebabNames[(int)h] : System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(h.ToString());

    /// <summary>The items a programme's <see cref="SubsidyProgramme.ItemCapsEur"/> may list.</summary>
    public static IReadOnlyList<string> SubsidyItems { get; } = ["insulation-per-m2", "windows-per-m2", "ventilation", "pv", .. Enum.GetValues<Systems.HeatingSystem>().Select(KebabName)];

    private static void CheckProgrammeRules(List<ScenarioProblem> p, string at, SubsidyProgramme sp)
    {
        if (sp.Kind == SubsidyKind.TaxRelief)
        {
            foreach ((string member, bool set) in new[] { ("shareByTier", sp.ShareByTier.Count > 0), ("capByTierEur", sp.CapByTierEur.Count > 0), ("itemCapsEur", sp.ItemCapsEur.Count > 0), ("shareWithPv", sp.ShareWithPv is not null), ("requiresStorage", sp.RequiresStorage) })
            {
                if (set)
                {
                    p.Add(new($"{at}.{member}", "applies to grants only; a tax relief deducts the cost not covered by grants (remove it, or make the programme a grant)"));
                }
            }
        }

        foreach ((string tier, double share) in sp.ShareByTier.Where(x => x.Value is < 0 or > 1))
        {
            p.Add(new($"{at}.shareByTier.{tier}", $"{share} is outside 0–1"));
        }

        foreach ((string tier, double cap) in sp.CapByTierEur.Where(x => x.Value < 0 || !sp.ShareByTier.ContainsKey(x.Key)))
        {
            p.Add(new($"{at}.capByTierEur.{tier}", cap < 0 ? "must not be negative" : $"'{tier}' is not a tier of shareByTier ({string.Join(", ", sp.ShareByTier.Keys)})"));
        }

        if (sp.ShareByTier.Count > 0 && (sp.Tier is null || !sp.ShareByTier.ContainsKey(sp.Tier)))
        {
            string? close = sp.Tier is null ? null : Core.Validation.Suggestions.Closest(sp.Tier, sp.ShareByTier.Keys);
            p.Add(new($"{at}.tier", $"{(sp.Tier is null ? "the owners' income tier is missing" : $"'{sp.Tier}' is not a tier")}{(close is null ? string.Empty : $" (did you mean '{close}'?)")}; use one of {string.Join(", ", sp.ShareByTier.Keys)}"));
        }

        foreach ((string item, double? cap) in sp.ItemCapsEur)
        {
            if (!SubsidyItems.Contains(item))
            {
                string? close = Core.Validation.Suggestions.Closest(item, SubsidyItems);
                p.Add(new($"{at}.itemCapsEur.{item}", $"is not an item{(close is null ? string.Empty : $" (did you mean '{close}'?)")}; use {string.Join(", ", SubsidyItems)}"));
            }
            else if (cap is < 0)
            {
                p.Add(new($"{at}.itemCapsEur.{item}", "must not be negative"));
            }
        }

        foreach ((string name, double? v) in new[] { ("shareWithPv", sp.ShareWithPv), ("minSavingsShare", sp.MinSavingsShare), ("minSavingsShareHeatingOnly", sp.MinSavingsShareHeatingOnly) })
        {
            if (v is < 0 or > 1)
            {
                p.Add(new($"{at}.{name}", $"{v} is outside 0–1"));
            }
        }

        if (sp.PvMinKwpSingleFamily < 0 || sp.PvMinKwpOther < 0)
        {
            p.Add(new(at, "PV minimum sizes must not be negative"));
        }
    }

    private static void CheckTrajectories(List<ScenarioProblem> p, string at, IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> map, double min, double max)
    {
        foreach ((string carrier, IReadOnlyDictionary<int, double> points) in map)
        {
            if (!CarrierNames.Contains(carrier))
            {
                p.Add(new($"{at}.{carrier}", $"unknown carrier; use {string.Join(", ", CarrierNames)}"));
            }

            if (points.Count == 0)
            {
                p.Add(new($"{at}.{carrier}", "needs at least one {\"year\": value} point"));
            }

            foreach ((int year, double v) in points)
            {
                if (year is < 2000 or > 2100)
                {
                    p.Add(new($"{at}.{carrier}.{year}", $"{year} is not a year of 2000–2100 (the range a horizon may span); a damaged or shortened year?"));
                }

                if (v < min || v > max || double.IsNaN(v))
                {
                    p.Add(new($"{at}.{carrier}.{year}", $"{v} is outside the plausible range {min}–{max}"));
                }
            }
        }
    }
}
