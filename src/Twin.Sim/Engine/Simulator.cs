using Twin.Core.Stock;
using Twin.Sim.Economics;
using Twin.Sim.Physics;
using Twin.Sim.Scenarios;
using Twin.Sim.Systems;

namespace Twin.Sim.Engine;

/// <summary>
/// Runs a renovation scenario over a building stock: the start state of every building with a typology,
/// the package each one is eligible for and its renovated state (both through <see cref="BalanceKernel"/>),
/// the uptake year by year, costs and subsidies, and per-building, per-year results. Physics is evaluated
/// once per state; the year loop only re-weights final energy with that year's prices and emission factors.
/// Work is split into fixed chunks reduced in order, so results are bit-identical for any thread count.
/// </summary>
public static partial class Simulator
{
    /// <summary>Runs the scenario with the default options.</summary>
    public static SimulationResult Run(BuildingStock stock, SimulationData data, Scenario scenario) => Run(stock, data, scenario, SimulationOptions.Default);

    /// <summary>Runs the scenario; throws <see cref="ScenarioException"/> (all its problems) when it is invalid.</summary>
    public static SimulationResult Run(BuildingStock stock, SimulationData data, Scenario scenario, SimulationOptions options)
    {
        // Rules by energy class must name classes of the scale in use (the default scale changed from GEG's A+–H to A+–G).
        IReadOnlyList<ScenarioProblem> problems = [.. ScenarioValidator.Validate(scenario), .. scenario.Rules.SelectMany((r, k) => r.Classes
            .Where(c => !data.ClassScale.Classes.Contains(c))
            .Select(c => new ScenarioProblem($"$.rules[{k}].classes", $"'{c}' is not a class of the energy-class scale {data.ClassScale.Name} ({string.Join(", ", data.ClassScale.Classes)})")))];
        if (problems.Count > 0)
        {
            throw new ScenarioException(problems, $"scenario '{scenario.Name}'");
        }

        var run = new RunState(stock, data, scenario, options);
        return run.Execute();
    }

    /// <summary>
    /// Annual final energy per carrier of every building in its start state ([carrier][building] kWh/a, in
    /// <see cref="Systems.Carrier"/> order; 0 for buildings that are not simulated), with <see cref="SimulationData.Calibration"/>
    /// applied: what meters should read, for fitting calibration factors.
    /// </summary>
    public static double[][] StartStateFinalEnergy(BuildingStock stock, SimulationData data, int startYear, SimulationOptions options)
    {
        var run = new RunState(stock, data, new Scenario { Name = "start-state", Horizon = new Horizon(startYear, startYear) }, options);
        return run.StartState();
    }

    /// <summary>
    /// Why package <paramref name="p"/> of scenario <paramref name="sc"/> may not be applied to a building heated by
    /// <paramref name="current"/> (<see cref="HeatingRules"/>: bans in <see cref="SimulationData.City"/>, district heat only where a
    /// network is); null if it may.
    /// </summary>
    public static string? PackageRefusal(SimulationData d, Scenario sc, RenovationPackage p, HeatingSystem current)
    {
        HeatingSystem after = p.Heating is string h && ScenarioValidator.TryParseHeating(h, out HeatingSystem hs) ? hs : current;
        bool network = d.DistrictHeatAvailable ?? current == HeatingSystem.DistrictHeat;
        return HeatingRules.Refusal(d.HeatingBans, d.City, current, after, network, sc.Horizon.EndYear);
    }

    /// <summary>
    /// The heat generator building <paramref name="i"/> has now: the one its stock states, else the default of its size class
    /// (<see cref="SimulationData.CurrentHeating"/>, gas where the table has none); <paramref name="stated"/> says which.
    /// </summary>
    public static HeatingSystem CurrentHeating(SimulationData d, BuildingStock s, int i, out bool stated)
    {
        HeatingSystem h = default;
        stated = s.Heating[i] is string name && ScenarioValidator.TryParseHeating(name, out h);
        if (stated)
        {
            return h;
        }

        return d.CurrentHeating.TryGetValue(s.SizeClass[i], out HeatingSystem byClass) ? byClass : HeatingSystem.GasBoiler;
    }

    private static readonly string[] SizeClassNames = Enum.GetValues<SizeClass>().Select(c => c.ToString()).ToArray();

    private static readonly EnvelopeElement[] Elements = Enum.GetValues<EnvelopeElement>();

    /// <summary>
    /// The years a renewal drawn from the default shares falls in (ASSUMPTION, uniform): from 1999, when the first Polish
    /// thermo-modernisation support act took effect (ustawa z 18 grudnia 1998 o wspieraniu przedsięwzięć termomodernizacyjnych),
    /// to 2019, the time of the shares' statistics (2018–2020).
    /// </summary>
    private const int InferredRenewalFrom = 1999, InferredRenewalTo = 2019;

    /// <summary>Seed of the draws of the renewal state (fixed: the state of a building must not depend on the scenario's seed).</summary>
    private const ulong RenewalSeed = 0x52454E4557414C00; // "RENEWAL\0"

    private sealed class RunState(BuildingStock s, SimulationData d, Scenario sc, SimulationOptions o)
    {
        private readonly int _n = s.Count;
        private readonly TypeModel[] _types = TypeModel.Build(d.Typologies, d.Measures);
        private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism ?? -1, CancellationToken = o.Cancellation };
        private readonly double _envelopeLife = d.Costs["envelope_lifetime"], _windowLife = d.Costs["window_lifetime"];

        public double[][] StartState()
        {
            BuildingStates before = Before(new string?[_n]);
            return Evaluate(before).Energy.ByCarrierKWh;
        }

        private BuildingStates Before(string?[] reasons)
        {
            var before = new BuildingStates(_n);
            for (int i = 0; i < _n; i++)
            {
                int t = s.TypologyIndex[i];
                if (t < 0)
                {
                    reasons[i] = s.Use[i] == BuildingUse.NonResidential ? "non-residential: no TABULA typology" : "no typology (see the stock's issues)";
                    continue;
                }

                if (s.HeatedFloorAreaM2[i] <= 0)
                {
                    reasons[i] = "no heated floor area";
                    continue;
                }

                before.Active[i] = true;
                before.Heating[i] = CurrentHeating(d, s, i, out bool stated);
                before.HeatingSource[i] = stated ? AttributeSource.Observed : AttributeSource.Inferred;

                RenewalState(before, i);
                before.Envelope[i] = Renewed(_types[t], before, i);
            }

            return before;
        }

        /// <summary>
        /// Which elements were renewed since construction: as the stock states it, element by element; each element it does not
        /// state from the default shares of the building's period (<see cref="SimulationData.RenewalShares"/>). One draw per
        /// building (a stable hash of its id, the same in every run, shard and thread count) is compared with every element's
        /// share, so the elements renewed together come out together (a thermo-modernisation does walls, roof and windows at
        /// once); a drawn renewal gets a year drawn between <see cref="InferredRenewalFrom"/> and <see cref="InferredRenewalTo"/>.
        /// </summary>
        private void RenewalState(BuildingStates before, int i)
        {
            RenewalShare? share = RenewalShare.Find(d.RenewalShares, s.SizeClass[i], s.ConstructionYear[i]);
            double u = StableHash.Uniform(RenewalSeed, s.Ids[i], 0);
            int from = Math.Max(InferredRenewalFrom, s.ConstructionYear[i] + 1);
            int drawnYear = from >= InferredRenewalTo ? InferredRenewalTo : from + (int)(StableHash.Uniform(RenewalSeed, s.Ids[i], 1) * (InferredRenewalTo - from + 1));
            bool stated = false, drawn = false;
            foreach (EnvelopeElement e in Elements)
            {
                if (s.RenewalStated(e, i))
                {
                    before.RenewedYear[(int)e][i] = s.RenewedYear[(int)e][i];
                    stated = true;
                }
                else if (share is not null)
                {
                    before.RenewedYear[(int)e][i] = u < share.Of(e) ? drawnYear : 0;
                    drawn = true;
                }
            }

            before.RenewalSource[i] = stated ? AttributeSource.Observed : drawn ? AttributeSource.Inferred : AttributeSource.Missing;
        }

        /// <summary>The type's as-built envelope with every renewed element at the type's usual-refurbishment value (TABULA variant 2), never worse.</summary>
        private static EnvelopeSpec Renewed(TypeModel t, BuildingStates before, int i)
        {
            if (t.Usual is not EnvelopeSpec u)
            {
                return t.Existing;
            }

            bool R(EnvelopeElement e) => before.RenewedYear[(int)e][i] != 0;
            return t.Existing.Improve(R(EnvelopeElement.Wall) ? u.UWall : null, R(EnvelopeElement.Roof) ? u.URoof : null, R(EnvelopeElement.Floor) ? u.UFloor : null, R(EnvelopeElement.Windows) ? u.UWindow : null, u.WindowG);
        }

        /// <summary>
        /// True when element <paramref name="e"/> of building i was renewed less than its lifetime before the start year (or in a year
        /// not known): a package leaves it as it is rather than renewing it again.
        /// </summary>
        private bool RecentlyRenewed(BuildingStates before, EnvelopeElement e, int i)
        {
            int year = before.RenewedYear[(int)e][i];
            double life = e == EnvelopeElement.Windows ? _windowLife : _envelopeLife;
            return year == BuildingStock.RenewedYearUnknown || (year > 0 && sc.Horizon.StartYear - year < life);
        }

        public SimulationResult Execute()
        {
            var years = Enumerable.Range(sc.Horizon.StartYear, sc.Horizon.Years).ToArray();
            var reasons = new string?[_n];
            BuildingStates before = Before(reasons);
            (ThermalColumns thBefore, EnergyColumns eBefore) = Evaluate(before);
            o.Progress?.Report(0.2);
            string?[] classBefore = Classes(before, eBefore);
            int[] package = ChoosePackages(before, classBefore);
            BuildingStates after = AfterStates(before, package);
            (_, EnergyColumns eAfter) = Evaluate(after);
            o.Progress?.Report(0.4);
            var cost = new PackageCost[_n];
            for (int i = 0; i < _n; i++)
            {
                if (after.Active[i])
                {
                    cost[i] = PackageCosting.Cost(d, s, i, _types[s.TypologyIndex[i]], before.Envelope[i], after.Envelope[i], before.HeatRecovery[i], after.HeatRecovery[i], before.Heating[i], after.Heating[i], eAfter.DesignLoadKw[i], after.PvKwp[i]);
                }
            }

            int[] renovationYear = Uptake(after, cost, eBefore, thBefore, years);
            (double[] subsidy, IReadOnlyList<SubsidyLine>[]? lines) = Subsidies(renovationYear, package, cost, before, after, eBefore, eAfter);
            var existingHeating = new Component[_n];
            for (int i = 0; i < _n; i++)
            {
                if (before.Active[i])
                {
                    HeatingSystemSpec spec = d.HeatingSystems[before.Heating[i]];
                    existingHeating[i] = Component.Existing(PackageCosting.Generator(d, before.Heating[i], eBefore.DesignLoadKw[i]), spec.LifetimeYears, spec.MaintenanceSharePerYear, sc.Horizon.StartYear);
                }
            }

            var yearly = new YearlyAccumulator(this, years, before, after, eBefore, eAfter, renovationYear, cost, subsidy, existingHeating);
            yearly.Compute();
            o.Progress?.Report(1.0);
            return yearly.ToResult(reasons, package, renovationYear, subsidy, cost, before, after, eBefore, eAfter, thBefore, classBefore, lines);
        }

        internal BuildingStock Stock => s;

        internal SimulationData Data => d;

        internal Scenario Scenario => sc;

        internal SimulationOptions Options => o;

        internal ParallelOptions Parallel => _parallel;

        internal int Count => _n;

        private (ThermalColumns Thermal, EnergyColumns Energy) Evaluate(BuildingStates state)
        {
            var th = new ThermalColumns(_n);
            var energy = new EnergyColumns(_n);
            int chunks = (_n + o.ChunkSize - 1) / o.ChunkSize;
            System.Threading.Tasks.Parallel.For(0, chunks, _parallel, chunk =>
            {
                int start = chunk * o.ChunkSize, end = Math.Min(_n, start + o.ChunkSize);
                for (int i = start; i < end; i++)
                {
                    if (state.Active[i])
                    {
                        BuildingStates.Fill(th, i, s, _types[s.TypologyIndex[i]], state.Envelope[i], state.HeatRecovery[i]);
                    }
                }

                Span<double> need = new double[end - start], weighted = new double[end - start];
                BalanceKernel.Run(th, d.Climate, start, end, need, weighted);
                for (int i = start; i < end; i++)
                {
                    if (state.Active[i])
                    {
                        energy.Compute(d, th, i, need[i - start], weighted[i - start], _types[s.TypologyIndex[i]], state.Heating[i], state.PvKwp[i]);
                    }
                }
            });
            return (th, energy);
        }

        private string?[] Classes(BuildingStates state, EnergyColumns e)
        {
            var result = new string?[_n];
            double[] fp = d.PrimaryFactors;
            double selfShare = d.Costs["pv_self_consumption"];
            for (int i = 0; i < _n; i++)
            {
                if (state.Active[i])
                {
                    // As a certificate: standard use, not the calibrated consumption.
                    result[i] = d.ClassScale.ClassOf(e.ClassValue(i, s.HeatedFloorAreaM2[i], d.ClassScale, fp, selfShare), s.SizeClass[i]);
                }
            }

            return result;
        }

        /// <summary>Index into the scenario's packages of the first rule each building meets (−1 = none).</summary>
        private int[] ChoosePackages(BuildingStates before, string?[] classBefore)
        {
            var index = sc.Packages.Select((p, k) => (p.Id, k)).ToDictionary(x => x.Id, x => x.k, StringComparer.Ordinal);
            int[] result = Enumerable.Repeat(-1, _n).ToArray();
            var rules = sc.Rules.Select(r => (r, r.CurrentHeating.Select(h => ScenarioValidator.TryParseHeating(h, out HeatingSystem x) ? x : (HeatingSystem)(-1)).ToHashSet())).ToList();
            for (int i = 0; i < _n; i++)
            {
                if (!before.Active[i])
                {
                    continue;
                }

                foreach ((EligibilityRule r, HashSet<HeatingSystem> heating) in rules)
                {
                    int k = index[r.Package];
                    if (Matches(r, heating, i, before.Heating[i], classBefore[i]) && Applicable(sc.Packages[k], _types[s.TypologyIndex[i]]) && Refusal(sc.Packages[k], before.Heating[i]) is null)
                    {
                        result[i] = k;
                        break;
                    }
                }
            }

            return result;
        }

        private bool Matches(EligibilityRule r, HashSet<HeatingSystem> heatingSet, int i, HeatingSystem heating, string? energyClass)
        {
            return (r.SizeClasses.Count == 0 || r.SizeClasses.Contains(SizeClassNames[(int)s.SizeClass[i]]))
                && (r.Typologies.Count == 0 || r.Typologies.Any(x => d.Typologies.Types[s.TypologyIndex[i]].Code.StartsWith(x, StringComparison.Ordinal)))
                && (r.BuiltFrom is null || s.ConstructionYear[i] >= r.BuiltFrom)
                && (r.BuiltTo is null || s.ConstructionYear[i] <= r.BuiltTo)
                && (heatingSet.Count == 0 || heatingSet.Contains(heating))
                && (r.Neighbourhoods.Count == 0 || (s.NeighbourhoodIndex[i] >= 0 && r.Neighbourhoods.Contains(s.NeighbourhoodNames[s.NeighbourhoodIndex[i]])))
                && (r.Classes.Count == 0 || (energyClass is not null && r.Classes.Contains(energyClass)));
        }

        private string? Refusal(RenovationPackage p, HeatingSystem current) => PackageRefusal(d, sc, p, current);

        private static bool Applicable(RenovationPackage p, TypeModel t) => p.Envelope?.Variant switch
        {
            "usual" => t.Usual is not null,
            "advanced" => t.Advanced is not null,
            _ => true,
        };

        private BuildingStates AfterStates(BuildingStates before, int[] package)
        {
            var after = new BuildingStates(_n);
            double kwpPerM2 = d.Costs["pv_kwp_per_m2"];
            double lambda = d.Costs["insulation_lambda"];
            for (int i = 0; i < _n; i++)
            {
                if (package[i] < 0)
                {
                    continue;
                }

                RenovationPackage p = sc.Packages[package[i]];
                TypeModel t = _types[s.TypologyIndex[i]];
                EnvelopeSpec e = before.Envelope[i];
                if (p.Envelope is EnvelopeTarget target)
                {
                    EnvelopeSpec variant = target.Variant switch { "usual" => t.Usual!.Value, "advanced" => t.Advanced!.Value, _ => e };
                    e = target.Variant is null ? e : variant;
                    e = e.Improve(target.WallUWPerM2K, target.RoofUWPerM2K, target.FloorUWPerM2K, target.WindowUWPerM2K, target.WindowG);
                    e = e.Improve(WithInsulation(e.UWall, target.WallInsulationCm, lambda), WithInsulation(e.URoof, target.RoofInsulationCm, lambda), WithInsulation(e.UFloor, target.FloorInsulationCm, lambda), null, null);
                    EnvelopeSpec b = before.Envelope[i];
                    e = e with
                    {
                        UWall = RecentlyRenewed(before, EnvelopeElement.Wall, i) ? b.UWall : e.UWall,
                        URoof = RecentlyRenewed(before, EnvelopeElement.Roof, i) ? b.URoof : e.URoof,
                        UFloor = RecentlyRenewed(before, EnvelopeElement.Floor, i) ? b.UFloor : e.UFloor,
                    };
                    if (RecentlyRenewed(before, EnvelopeElement.Windows, i))
                    {
                        e = e with { UWindow = b.UWindow, WindowG = b.WindowG };
                    }
                }

                after.Active[i] = true;
                after.Envelope[i] = e;
                after.HeatRecovery[i] = Math.Max(before.HeatRecovery[i], p.VentilationHeatRecovery);
                after.Heating[i] = p.Heating is string h && ScenarioValidator.TryParseHeating(h, out HeatingSystem hs) ? hs : before.Heating[i];
                after.PvKwp[i] = Math.Max(before.PvKwp[i], p.PvRoofShare * s.RoofAreaM2[i] * kwpPerM2);

                // A package that changes nothing that is costed (every element it renews was renewed recently, the generator is the
                // same) is no renovation: the building is not eligible, so uptake and totals count only buildings where something is
                // done — and the door, thermal-bridge and airtightness gains of a TABULA variant never come for free on their own.
                after.Active[i] = Changes(before, after, i, includeHeating: true);
            }

            return after;
        }

        /// <summary>
        /// True when the after state of building i differs from the before state in something costed: a U of wall, roof, floor or
        /// windows, heat recovery, PV, or (with <paramref name="includeHeating"/>) the heat generator.
        /// </summary>
        private static bool Changes(BuildingStates before, BuildingStates after, int i, bool includeHeating)
        {
            EnvelopeSpec b = before.Envelope[i], a = after.Envelope[i];
            bool measures = a.UWall != b.UWall || a.URoof != b.URoof || a.UFloor != b.UFloor || a.UWindow != b.UWindow
                || after.HeatRecovery[i] != before.HeatRecovery[i] || after.PvKwp[i] != before.PvKwp[i];
            return measures || (includeHeating && after.Heating[i] != before.Heating[i]);
        }

        /// <summary>U after adding <paramref name="cm"/> of insulation of conductivity λ: 1/(1/U + d/λ) (EN ISO 6946 series resistances).</summary>
        private static double? WithInsulation(double u, double? cm, double lambda) => cm is double d && u > 0 ? 1.0 / ((1.0 / u) + (d / 100.0 / lambda)) : null;

        private int[] Uptake(BuildingStates after, PackageCost[] cost, EnergyColumns eBefore, ThermalColumns thBefore, int[] years)
        {
            int[] eligible = Enumerable.Range(0, _n).Where(i => after.Active[i]).ToArray();
            if (sc.Uptake.Order == UptakeOrder.WorstFirst)
            {
                // Worst first: highest final energy per m², ties by id so the order never depends on input order.
                double[] intensity = new double[_n];
                foreach (int i in eligible)
                {
                    intensity[i] = eBefore.FinalKWh(i) / thBefore.ReferenceAreaM2[i];
                }

                Array.Sort(eligible, (a, b) =>
                {
                    int c = intensity[b].CompareTo(intensity[a]);
                    return c != 0 ? c : string.CompareOrdinal(s.Ids[a], s.Ids[b]);
                });
            }
            else
            {
                ulong[] keys = eligible.Select(i => StableHash.Mix((ulong)(uint)sc.Seed, s.Ids[i])).ToArray();
                Array.Sort(keys, eligible);
            }

            int[] renovationYear = new int[_n];
            int done = 0;
            foreach (int year in years)
            {
                int target = Math.Min(eligible.Length, (int)Math.Round(sc.Uptake.RatePerYear * eligible.Length * (year - sc.Horizon.StartYear + 1), MidpointRounding.AwayFromZero));
                double spent = 0;
                for (int k = 0; k < eligible.Length && done < target; k++)
                {
                    int i = eligible[k];
                    if (renovationYear[i] != 0)
                    {
                        continue;
                    }

                    double c = cost[i].TotalEur;
                    if (sc.Uptake.AnnualBudgetEur is double budget && spent + c > budget)
                    {
                        continue;
                    }

                    renovationYear[i] = year;
                    spent += c;
                    done++;
                }
            }

            return renovationYear;
        }

        private (double[] Total, IReadOnlyList<SubsidyLine>[]? Lines) Subsidies(int[] renovationYear, int[] package, PackageCost[] cost, BuildingStates before, BuildingStates after, EnergyColumns eBefore, EnergyColumns eAfter)
        {
            double[] subsidy = new double[_n];
            IReadOnlyList<SubsidyLine>[]? lines = o.KeepSubsidyLines ? new IReadOnlyList<SubsidyLine>[_n] : null;
            for (int i = 0; i < _n; i++)
            {
                if (renovationYear[i] == 0)
                {
                    continue;
                }

                SubsidyCase c = SubsidyCase(i, renovationYear[i], sc.Packages[package[i]].Id, cost[i], before, after, eBefore, eAfter);
                subsidy[i] = SubsidyRules.Total(sc.Subsidies, c);
                if (lines is not null)
                {
                    lines[i] = SubsidyRules.Apply(sc.Subsidies, c);
                }
            }

            return (subsidy, lines);
        }

        /// <summary>Renovation i as the support programmes see it: items, the heat generator and PV after, the cut in standard-use final energy (as an energy audit).</summary>
        private SubsidyCase SubsidyCase(int i, int year, string packageId, in PackageCost cost, BuildingStates before, BuildingStates after, EnergyColumns eBefore, EnergyColumns eAfter)
        {
            double demandBefore = eBefore.StandardFinalKWh(i);
            double savings = demandBefore > 0 ? 1.0 - (eAfter.StandardFinalKWh(i) / demandBefore) : 0;
            bool heatingOnly = after.Heating[i] != before.Heating[i] && !Changes(before, after, i, includeHeating: false);
            return new SubsidyCase(packageId, s.SizeClass[i], year, cost, s.HeatedFloorAreaM2[i], after.Heating[i], after.PvKwp[i] - before.PvKwp[i], savings, heatingOnly);
        }
    }
}
