using System.Globalization;
using Twin.Core.Stock;
using Twin.Core.Validation;
using Twin.Sim.Engine;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Pipeline.Advice;

/// <summary>The advice for one building: who it is, how it is heated, and every applicable package ranked by NPV.</summary>
public sealed record AdviceReport(string BuildingId, string Typology, string TypologyLabel, double HeatedFloorAreaM2, string HeatingBefore, string ClassBefore, IReadOnlyList<Sim.Engine.Advice> Packages)
{
    /// <summary>Packages of the advisor scenario not offered for this building, with the reason (a banned boiler, no network, no variant).</summary>
    public IReadOnlyList<NotOffered> NotOffered { get; init; } = [];

    /// <summary>The city whose heating rules were applied; null when none was given.</summary>
    public string? City { get; init; }

    /// <summary>Warnings a client must hear: a construction year at the edge of a type's period, a class near a boundary.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The support programmes of the advisor scenario (kind, source, edition, illustrative or not).</summary>
    public IReadOnlyList<Sim.Scenarios.SubsidyProgramme> Programmes { get; init; } = [];

    /// <summary>The advice for the neighbouring TABULA period when the construction year is at the edge of its type's period.</summary>
    public AdviceReport? Alternative { get; init; }
}

/// <summary>
/// The one-stop-shop advisor's front door: a building given by its TABULA type and size, or picked from a stock by id,
/// with its current heat generator; every package of the advisor scenario is applied and ranked.
/// </summary>
public static class Advising
{
    /// <summary>Plausible heated floor areas for one building [m²]: a small flat's worth to the largest buildings (about 10⁶ m²).</summary>
    public const double MinFloorAreaM2 = 10, MaxFloorAreaM2 = 1_000_000;

    /// <summary>Advice for the TABULA reference building of <paramref name="typology"/> scaled to <paramref name="floorAreaM2"/>.</summary>
    /// <exception cref="InputException">Unknown or ambiguous typology, implausible area or year, unknown heat generator.</exception>
    public static AdviceReport ForType(TwinData data, ScenarioFile advisor, string typology, double floorAreaM2, string? heating, int? year, Renewals? renewals = null) =>
        ForType(data, advisor, typology, floorAreaM2, heating, year, renewals, null);

    // renewed: the renewal years already checked (the period-edge alternative of ForHouse reuses the main answer's: they were
    // checked against the year the owner gave, not against the neighbouring period's edge).
    private static AdviceReport ForType(TwinData data, ScenarioFile advisor, string typology, double floorAreaM2, string? heating, int? year, Renewals? renewals, int[]? renewed)
    {
        var issues = new List<DataIssue>();
        int t = FindType(data, typology, issues);
        if (!double.IsFinite(floorAreaM2) || floorAreaM2 < MinFloorAreaM2 || floorAreaM2 > MaxFloorAreaM2)
        {
            issues.Add(Arg("--floor-area", floorAreaM2.ToString("G", CultureInfo.InvariantCulture), "m²", $"is not a plausible heated floor area ({MinFloorAreaM2:N0}–{MaxFloorAreaM2:N0} m²)", "Give the heated (reference) floor area in m², e.g. 1800."));
        }

        int reference = advisor.Scenario.Horizon.StartYear;
        if (year is int y && (y < 1000 || y > reference))
        {
            issues.Add(Arg("--year", y.ToString(CultureInfo.InvariantCulture), null, $"is not a plausible construction year (1000–{reference}, the advisor scenario's start year)", "Give the year the building was completed, e.g. 1965."));
        }

        else if (year is int built && t >= 0 && data.Simulation.Typologies.Types[t] is var type && !type.Covers(built))
        {
            // The type fixes the envelope; a year outside its period would be silently ignored.
            int other = data.Simulation.Typologies.Find(type.Country, type.SizeClass, built);
            string instead = other >= 0 ? $"For a building of {built}, use --typology {data.Simulation.Typologies.Types[other].TypeCode}, or leave out --year." : "Leave out --year.";
            issues.Add(Arg("--year", built.ToString(CultureInfo.InvariantCulture), null, $"is outside the period of {type.TypeCode} ({type.YearFrom}–{type.YearTo})", instead));
        }

        HeatingSystem? system = ParseHeating(heating, issues);
        int completed = year ?? (t >= 0 ? data.Simulation.Typologies.Types[t].YearFrom : 1000);
        renewed ??= (renewals ?? Renewals.None).Parse(completed, reference, issues);
        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }

        BuildingStock one = AdvisorBuilding.Create(data.Simulation.Typologies, t, floorAreaM2, year, reference, data.Simulation.Typologies.Types[t].TypeCode, renewed);
        return Advise(one, data, advisor, system);
    }

    /// <summary>
    /// The advisor scenario for owners of income tier <paramref name="tier"/>: every programme with income tiers (Czyste
    /// Powietrze) pays that tier's share and cap; null leaves the scenario's tiers.
    /// </summary>
    /// <exception cref="InputException">No programme of the scenario has that tier.</exception>
    public static ScenarioFile WithIncomeTier(ScenarioFile advisor, string? tier)
    {
        if (tier is null)
        {
            return advisor;
        }

        string[] tiers = advisor.Scenario.Subsidies.SelectMany(p => p.ShareByTier.Keys).Distinct(StringComparer.Ordinal).ToArray();
        string? known = tiers.FirstOrDefault(t => string.Equals(t, tier.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            string? close = Suggestions.Closest(tier, tiers);
            throw new InputException(Arg("--income-tier", tier, null, tiers.Length == 0 ? "is given, but no programme of the advisor scenario has income tiers" : "is not an income tier of the scenario's programmes", $"{(close is null ? string.Empty : $"Did you mean {close}? ")}Use {string.Join(", ", tiers)} (the rule files in the data folder's subsidies/ say which income each tier is for)."));
        }

        var programmes = advisor.Scenario.Subsidies.Select(p => p.ShareByTier.ContainsKey(known) ? p with { Tier = known } : p).ToList();
        return advisor with { Scenario = advisor.Scenario with { Subsidies = programmes } };
    }

    /// <summary>Plain house types a homeowner knows, and the TABULA size class each means.</summary>
    public static readonly IReadOnlyDictionary<string, SizeClass> HouseTypes = new Dictionary<string, SizeClass>(StringComparer.OrdinalIgnoreCase)
    {
        ["detached"] = SizeClass.SFH,
        ["semi-detached"] = SizeClass.TH,
        ["terraced"] = SizeClass.TH,
        ["multi-family"] = SizeClass.MFH,
        ["tenement"] = SizeClass.MFH,
        ["apartment-block"] = SizeClass.AB,
    };

    /// <summary>A construction year this close to the edge of its type's period [a] also gets the neighbouring period's answer.</summary>
    public const int PeriodEdgeYears = 2;

    /// <summary>A value this close to a class boundary [share] is reported as near it.</summary>
    public const double ClassEdgeShare = 0.05;

    /// <summary>
    /// Advice from what a homeowner knows: the kind of house, the year it was built, its heated floor area and its heating — no
    /// TABULA code. The Polish type is found by size class and year; a year within <see cref="PeriodEdgeYears"/> of its period's
    /// edge also gets the neighbouring period's advice (<see cref="AdviceReport.Alternative"/>) with a note.
    /// </summary>
    /// <exception cref="InputException">Unknown house type, implausible year or area, unknown heat generator.</exception>
    public static AdviceReport ForHouse(TwinData data, ScenarioFile advisor, string house, int year, double floorAreaM2, string? heating, Renewals? renewals = null)
    {
        if (!HouseTypes.TryGetValue(house.Trim(), out SizeClass size))
        {
            string? close = Suggestions.Closest(house, HouseTypes.Keys);
            throw new InputException(Arg("--house", house, null, "is not a kind of house", $"{(close is null ? string.Empty : $"Did you mean {close}? ")}Use {string.Join(", ", HouseTypes.Keys)}."));
        }

        var types = data.Simulation.Typologies;
        int reference = advisor.Scenario.Horizon.StartYear;
        int t = year >= 1000 && year <= reference ? types.Find("PL", size, year) : -1;
        if (t < 0)
        {
            throw new InputException(Arg("--year", year.ToString(CultureInfo.InvariantCulture), null, $"is not a plausible construction year (1000–{reference}) with a Polish TABULA type", "Give the year the building was completed, e.g. 1965."));
        }

        var issues = new List<DataIssue>();
        int[] renewed = (renewals ?? Renewals.None).Parse(year, reference, issues);
        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }

        AdviceReport main = ForType(data, advisor, types.Types[t].TypeCode, floorAreaM2, heating, year, null, renewed);
        Core.Typologies.Typology type = types.Types[t];
        int? edge = year - type.YearFrom <= PeriodEdgeYears && type.YearFrom > 1000 ? type.YearFrom - 1
            : type.YearTo - year <= PeriodEdgeYears && type.YearTo < reference ? type.YearTo + 1 : null;
        int other = edge is int e ? types.Find("PL", size, e) : -1;
        if (other < 0 || other == t)
        {
            return main;
        }

        AdviceReport alternative = ForType(data, advisor, types.Types[other].TypeCode, floorAreaM2, heating, edge, null, renewed);
        double need = main.Packages.Count > 0 ? main.Packages[0].HeatNeedBeforeKWh / floorAreaM2 : double.NaN;
        double otherNeed = alternative.Packages.Count > 0 ? alternative.Packages[0].HeatNeedBeforeKWh / floorAreaM2 : double.NaN;
        string note = string.Create(CultureInfo.InvariantCulture,
            $"Built {year}: at the edge of {type.TypeCode} ({type.YearFrom}–{type.YearTo}). Built {edge}, it would be {types.Types[other].TypeCode} with a heat need of {otherNeed:0} instead of {need:0} kWh/(m²·a) — the construction year decides; check it. Both answers are shown.");
        return main with { Notes = [note, .. main.Notes], Alternative = alternative };
    }

    /// <summary>Advice for building <paramref name="buildingId"/> of a loaded stock.</summary>
    /// <exception cref="InputException">No such building in the stock, it cannot be simulated, or the heat generator is unknown.</exception>
    public static AdviceReport ForBuilding(TwinData data, ScenarioFile advisor, TwinStock stock, string buildingId, string? heating, Renewals? renewals = null)
    {
        var issues = new List<DataIssue>();
        HeatingSystem? system = ParseHeating(heating, issues);
        int index = Array.IndexOf(stock.Buildings.Ids, buildingId);
        BuildingStock s = stock.Buildings;
        int[]? renewed = index >= 0 && renewals is { Any: true } ? renewals.Parse(s.ConstructionYear[index], advisor.Scenario.Horizon.StartYear, issues) : null;
        if (index < 0)
        {
            bool rejected = stock.Result.Rejects.Any(r => r.Id == buildingId);
            issues.Add(Arg("--building-id", buildingId, null, rejected ? $"was rejected when {stock.Source.Path} was loaded" : $"is not a building of {stock.Source.Path} ({stock.Buildings.Count:N0} buildings)", rejected ? "See the stock's rejects and issues ('twin stock … --out DIR')." : "Check the id (the stock's building_id column)."));
        }
        else if (stock.Buildings.TypologyIndex[index] < 0)
        {
            issues.Add(Arg("--building-id", buildingId, null, "has no TABULA typology, so it cannot be simulated (non-residential or unknown use, or no type for its year)", "Advise it by type instead: --typology CODE --floor-area M2."));
        }

        if (issues.Count > 0)
        {
            throw new InputException(issues);
        }

        BuildingStock one = s.Subset([index]);
        if (renewed is not null)
        {
            // What the owner says replaces what the stock says, element by element; the rest stays as the stock has it.
            int[][] years = Enum.GetValues<EnvelopeElement>().Select(e => new[] { renewals!.Given(e) ? renewed[(int)e] : one.RenewalStated(e, 0) ? one.RenewedYear[(int)e][0] : BuildingStock.RenewalNotStated }).ToArray();
            one = one.WithState(renewedYear: years, renewalSource: [AttributeSource.Observed]);
        }

        return Advise(one, data, advisor, system);
    }

    private static AdviceReport Advise(BuildingStock one, TwinData data, ScenarioFile advisor, HeatingSystem? heating)
    {
        // A heat generator given on the command line is what the building has now, whatever the stock or the defaults say.
        one = heating is HeatingSystem h ? one.WithState(heating: [ScenarioValidator.KebabName(h)]) : one;
        SimulationData d = data.Simulation;
        IReadOnlyList<Sim.Engine.Advice> packages = Advisor.Advise(one, d, advisor.Scenario, out IReadOnlyList<NotOffered> notOffered);
        var type = d.Typologies.Types[one.TypologyIndex[0]];
        string before = ScenarioValidator.KebabName(Simulator.CurrentHeating(d, one, 0, out _));
        return new AdviceReport(one.Ids[0], type.Code, type.Label, one.HeatedFloorAreaM2[0], before, packages.Count > 0 ? packages[0].ClassBefore : "?", packages)
        {
            NotOffered = notOffered,
            City = d.City,
            Programmes = advisor.Scenario.Subsidies,
            Notes = [.. ClassNotes(d.ClassScale, one.SizeClass[0], packages), .. EpLimitNote(d, one.SizeClass[0], packages)],
        };
    }

    /// <summary>Which packages bring EP down to the new-build limit of the size class (WT 2021), where there is a sourced one.</summary>
    private static IEnumerable<string> EpLimitNote(SimulationData d, SizeClass size, IReadOnlyList<Sim.Engine.Advice> packages)
    {
        if (!d.EpLimits.TryGetValue(size, out EpLimit? limit) || packages.Count == 0)
        {
            yield break;
        }

        CultureInfo ci = CultureInfo.InvariantCulture;
        string[] meet = packages.Where(p => p.PrimaryAfterKWhPerM2 <= limit.MaxKWhPerM2).Select(p => string.Create(ci, $"{p.Package} ({p.PrimaryAfterKWhPerM2:0})")).ToArray();
        yield return string.Create(ci, $"New-build EP limit for this house (WT 2021 § 329): {limit.MaxKWhPerM2:0} kWh/(m²·a); {(meet.Length == 0 ? "no package reaches it" : "reached by " + string.Join(", ", meet))}.");
    }

    /// <summary>A note for every class (before, and after each package) whose value (EP or final energy per m², by the scale's basis) lies within <see cref="ClassEdgeShare"/> of a boundary.</summary>
    private static List<string> ClassNotes(EnergyClassScale scale, SizeClass size, IReadOnlyList<Sim.Engine.Advice> packages)
    {
        var notes = new List<string>();
        string what = scale.Basis == ClassBasis.PrimaryEnergy ? "EP" : "final energy";
        string? Near(double value)
        {
            foreach ((double bound, int k) in scale.BoundsFor(size).Select((b, k) => (b, k)))
            {
                if (Math.Abs(value - bound) <= ClassEdgeShare * Math.Max(Math.Abs(bound), 1))
                {
                    string other = value < bound ? scale.Classes[k + 1] : scale.Classes[k];
                    return string.Create(CultureInfo.InvariantCulture, $"{what} {value:0} kWh/(m²·a) is within {ClassEdgeShare:P0} of the {scale.Classes[k]}/{scale.Classes[k + 1]} boundary ({bound:0}): it could be {other}");
                }
            }

            return null;
        }

        if (packages.Count > 0 && Near(packages[0].ClassValueBeforeKWhPerM2) is string before)
        {
            notes.Add($"Class {packages[0].ClassBefore} today: {before}.");
        }

        notes.AddRange(packages.Select(p => Near(p.ClassValueAfterKWhPerM2) is string after ? $"{p.Package}: class {p.ClassAfter} after — {after}." : null).OfType<string>());
        return notes;
    }

    /// <summary>
    /// The catalog type named by <paramref name="code"/>, case-insensitive: its type code (PL.N.MFH.02.Gen), its full
    /// building code, or a leading part of them ending at a dot that names exactly one type (PL.N.MFH.02). A code naming
    /// no type or several (PL) is an error listing the candidates — never silently the first type of the catalog.
    /// </summary>
    private static int FindType(TwinData data, string code, List<DataIssue> issues)
    {
        var types = data.Simulation.Typologies.Types;
        string c = code.Trim();
        bool Is(string a) => string.Equals(a, c, StringComparison.OrdinalIgnoreCase);
        bool Starts(string a) => c.Length > 0 && a.StartsWith(c + ".", StringComparison.OrdinalIgnoreCase);
        int[] exact = Enumerable.Range(0, types.Count).Where(k => Is(types[k].TypeCode) || Is(types[k].Code)).ToArray();
        int[] matches = exact.Length > 0 ? exact : Enumerable.Range(0, types.Count).Where(k => Starts(types[k].TypeCode) || Starts(types[k].Code)).ToArray();
        if (matches.Length == 1)
        {
            return matches[0];
        }

        string listed = string.Join(", ", (matches.Length > 1 ? matches.Select(k => types[k]) : types).Select(x => $"{x.TypeCode} ({x.Label})"));
        string? close = matches.Length == 0 ? Suggestions.Closest(c, types.Select(x => x.TypeCode)) : null;
        string message = c.Length == 0 ? "is empty" : matches.Length > 1 ? $"names {matches.Length} types, not one" : "is not a type of the catalog";
        issues.Add(Arg("--typology", code, null, message, $"{(close is null ? string.Empty : $"Did you mean {close}? ")}Give one of: {listed}."));
        return -1;
    }

    private static HeatingSystem? ParseHeating(string? heating, List<DataIssue> issues)
    {
        if (heating is null)
        {
            return null;
        }

        if (ScenarioValidator.TryParseHeating(heating, out HeatingSystem system))
        {
            return system;
        }

        issues.Add(Arg("--heating", heating, null, "is not a heat generator", $"Use one of {string.Join(", ", Enum.GetValues<HeatingSystem>().Select(ScenarioValidator.KebabName))}."));
        return null;
    }

    private static DataIssue Arg(string option, string value, string? unit, string message, string hint) =>
        new(InputException.CommandLine, null, option, value, unit, message, hint, IssueOutcome.Fatal, IssueCodes.InvalidArgument);
}
