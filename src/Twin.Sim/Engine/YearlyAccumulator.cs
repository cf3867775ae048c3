using Twin.Sim.Economics;
using Twin.Sim.Physics;
using Twin.Sim.Systems;

namespace Twin.Sim.Engine;

public static partial class Simulator
{
    /// <summary>
    /// The year loop: per building and year, the state in force (renovated from its renovation year on) is
    /// weighted with that year's emission factors and prices; per-year totals are summed per fixed chunk and
    /// the chunks reduced in order (bit-identical for any thread count). Alongside, the life-cycle costs of EN 15459-1
    /// for both the renovated and the unrenovated building: maintenance, replacements within the horizon and residual
    /// values, from which each building's NPV, paybacks, levelised cost of conserved energy and abatement cost follow.
    /// </summary>
    private sealed class YearlyAccumulator(RunState run, int[] years, BuildingStates before, BuildingStates after, EnergyColumns eBefore, EnergyColumns eAfter, int[] renovationYear, PackageCost[] cost, double[] subsidy, Component[] existingHeating)
    {
        private const int CarrierCount = 6;

        /// <summary>Per-year rows of the chunk accumulators: CO₂, CO₂ baseline, energy cost, its baseline, maintenance, its baseline, replacements, their baseline.</summary>
        private const int YearRows = 8;

        private readonly int _n = run.Count;
        private readonly int _years = years.Length;
        private double[] _co2 = [], _co2Baseline = [], _energyCost = [], _energyCostBaseline = [], _investment = [], _anyway = [], _subsidyByYear = [];
        private double[] _maintenance = [], _maintenanceBaseline = [], _replacement = [], _replacementBaseline = [];
        private double _residual, _residualBaseline;
        private double[][] _energy = [];
        private int[] _renovated = [];
        private readonly double[] _co2Start = new double[run.Count], _co2End = new double[run.Count], _costStart = new double[run.Count], _costEnd = new double[run.Count];
        private readonly double[] _npv = new double[run.Count], _payback = new double[run.Count], _discountedPayback = new double[run.Count];
        private readonly double[] _lcce = new double[run.Count], _abatement = new double[run.Count];

        public void Compute()
        {
            SimulationData d = run.Data;
            Scenarios.Scenario sc = run.Scenario;
            double[][] factor = new double[CarrierCount][], price = new double[CarrierCount][];
            foreach (Carrier c in Enum.GetValues<Carrier>())
            {
                string name = SimulationData.CarrierName(c);
                Trajectory f = sc.EmissionFactorsKgPerKWh.TryGetValue(name, out var fp) ? new Trajectory(fp) : Trajectory.Constant(d.Carriers[c].Co2KgPerKWh);
                Trajectory p = sc.PricesEurPerKWh.TryGetValue(name, out var pp) ? new Trajectory(pp) : Trajectory.Constant(d.Carriers[c].PriceEurPerKWh);
                factor[(int)c] = years.Select(f.At).ToArray();
                price[(int)c] = years.Select(p.At).ToArray();
            }

            Trajectory exportT = sc.PricesEurPerKWh.TryGetValue("pvExport", out var ep) ? new Trajectory(ep) : Trajectory.Constant(d.PvExport.PriceEurPerKWh);
            double[] exportPrice = years.Select(exportT.At).ToArray();
            double selfShare = d.Costs["pv_self_consumption"];
            double rate = sc.DiscountRate;
            int start = sc.Horizon.StartYear, end = sc.Horizon.EndYear;
            double[] discount = years.Select(y => Finance.DiscountFactor(rate, y, start)).ToArray();
            double discountEnd = Finance.DiscountFactor(rate, end + 1, start);

            int chunkSize = run.Options.ChunkSize;
            int chunks = (_n + chunkSize - 1) / chunkSize;
            var partial = new double[chunks][];
            int width = ((YearRows + CarrierCount) * _years) + 2;
            int done = 0;
            Parallel.For(0, chunks, run.Parallel, chunk =>
            {
                double[] acc = new double[width];
                Span<Component> parts = stackalloc Component[5];
                int from = chunk * chunkSize, to = Math.Min(_n, from + chunkSize);
                for (int i = from; i < to; i++)
                {
                    if (!before.Active[i])
                    {
                        continue;
                    }

                    int ry = renovationYear[i];
                    Component old = existingHeating[i];
                    bool keepsHeating = ry == 0 || after.Heating[i] == before.Heating[i];
                    int count = ry == 0 ? 0 : Parts(d, cost[i], ry, parts);
                    double benefit = 0, kwhSaved = 0, tonnes = 0, nonEnergy = 0, cumulative = double.NaN;
                    double finalSaved = ry == 0 ? 0 : eBefore.FinalKWh(i) - eAfter.FinalKWh(i); // the same every renovated year
                    double net = ry == 0 ? 0 : cost[i].EnergyRelatedEur - subsidy[i];
                    _payback[i] = _discountedPayback[i] = double.NaN;
                    for (int y = 0; y < _years; y++)
                    {
                        int year = years[y];
                        bool renovated = ry != 0 && year >= ry;
                        (double co2B, double costB) = Weigh(eBefore, i, y, factor, price, exportPrice, selfShare);
                        (double co2, double cst) = renovated ? Weigh(eAfter, i, y, factor, price, exportPrice, selfShare) : (co2B, costB);
                        double maintB = old.Maintenance(year), replB = old.Replacement(year);
                        double maint = maintB, repl = replB;
                        if (renovated)
                        {
                            (maint, repl) = keepsHeating ? (maintB, replB) : (0, 0);
                            foreach (Component c in parts[..count])
                            {
                                maint += c.Maintenance(year);
                                repl += c.Replacement(year);
                            }
                        }

                        acc[y] += co2;
                        acc[_years + y] += co2B;
                        acc[(2 * _years) + y] += cst;
                        acc[(3 * _years) + y] += costB;
                        acc[(4 * _years) + y] += maint;
                        acc[(5 * _years) + y] += maintB;
                        acc[(6 * _years) + y] += repl;
                        acc[(7 * _years) + y] += replB;
                        EnergyColumns e = renovated ? eAfter : eBefore;
                        for (int c = 0; c < CarrierCount; c++)
                        {
                            acc[((YearRows + c) * _years) + y] += e.ByCarrierKWh[c][i];
                        }

                        if (y == 0)
                        {
                            (_co2Start[i], _costStart[i]) = (co2, cst);
                        }

                        if (y == _years - 1)
                        {
                            (_co2End[i], _costEnd[i]) = (co2, cst);
                        }

                        if (!renovated)
                        {
                            continue;
                        }

                        // The owner's view (EN 15459-1 global cost, as a difference to not renovating): energy-cost, maintenance
                        // and replacement savings each year, the net energy-related investment in the renovation year.
                        double saving = (costB - cst) + (maintB - maint) + (replB - repl);
                        benefit += saving * discount[y];
                        nonEnergy += ((maint - maintB) + (repl - replB)) * discount[y];
                        kwhSaved += finalSaved * discount[y];
                        tonnes += (co2B - co2) / 1000 * discount[y];
                        if (year == ry)
                        {
                            double firstYear = (costB - cst) + (maintB - maint);
                            _payback[i] = net <= 0 ? 0 : firstYear > 0 ? net / firstYear : double.NaN; // subsidies may exceed the energy-related part
                            _discountedPayback[i] = net <= 0 ? 0 : double.NaN;
                            cumulative = -net * discount[y];
                        }

                        double previous = cumulative;
                        cumulative += saving * discount[y];
                        if (double.IsNaN(_discountedPayback[i]) && cumulative >= 0 && saving > 0)
                        {
                            // Years from the renovation until the discounted savings have repaid the net investment (within the year: linear).
                            _discountedPayback[i] = year - ry + Math.Clamp(-previous / (saving * discount[y]), 0, 1);
                        }
                    }

                    double residualB = old.Residual(end), residual = keepsHeating ? residualB : 0;
                    foreach (Component c in parts[..count])
                    {
                        residual += c.Residual(end);
                    }

                    acc[width - 2] += ry != 0 ? residual : residualB;
                    acc[width - 1] += residualB;
                    if (ry != 0)
                    {
                        double residualGain = (residual - residualB) * discountEnd;
                        double atRy = Finance.DiscountFactor(rate, ry, start);
                        _npv[i] = benefit - (net * atRy) + residualGain;

                        // Resource costs without subsidies (a transfer): levelised cost of conserved energy and of CO₂ abatement,
                        // discounted money over discounted kWh and tonnes (the constant price per kWh or per tonne that repays it).
                        double resource = (cost[i].EnergyRelatedEur * atRy) + nonEnergy - residualGain;
                        _lcce[i] = kwhSaved > 0 ? resource / kwhSaved : double.NaN;
                        _abatement[i] = tonnes > 0 ? (resource - (benefit + nonEnergy)) / tonnes : double.NaN; // benefit + nonEnergy = the energy-cost savings
                    }
                    else
                    {
                        (_npv[i], _lcce[i], _abatement[i]) = (double.NaN, double.NaN, double.NaN);
                    }
                }

                partial[chunk] = acc;
                run.Options.Progress?.Report(0.4 + (0.6 * Interlocked.Increment(ref done) / chunks));
            });

            double[] total = new double[width];
            foreach (double[] acc in partial)
            {
                for (int k = 0; k < width; k++)
                {
                    total[k] += acc[k];
                }
            }

            double[] Row(int r) => total[(r * _years)..((r + 1) * _years)];
            (_co2, _co2Baseline, _energyCost, _energyCostBaseline) = (Row(0), Row(1), Row(2), Row(3));
            (_maintenance, _maintenanceBaseline, _replacement, _replacementBaseline) = (Row(4), Row(5), Row(6), Row(7));
            (_residual, _residualBaseline) = (total[width - 2], total[width - 1]);
            _energy = Enumerable.Range(0, CarrierCount).Select(c => Row(YearRows + c)).ToArray();
            _investment = new double[_years];
            _anyway = new double[_years];
            _subsidyByYear = new double[_years];
            _renovated = new int[_years];
            for (int i = 0; i < _n; i++)
            {
                if (renovationYear[i] != 0)
                {
                    int y = renovationYear[i] - start;
                    _investment[y] += cost[i].TotalEur;
                    _anyway[y] += cost[i].AnywayEur;
                    _subsidyByYear[y] += subsidy[i];
                    _renovated[y]++;
                }
            }
        }

        /// <summary>
        /// The components a package installs in year <paramref name="ry"/> (envelope, windows, ventilation, heat generator, PV), with lifetime and
        /// maintenance; envelope and windows by their energy-related part only (the anyway part is due with or without the renovation).
        /// </summary>
        private static int Parts(SimulationData d, in PackageCost pc, int ry, Span<Component> parts)
        {
            UnitCosts c = d.Costs;
            parts[0] = new Component(pc.EnvelopeEur - pc.EnvelopeAnywayEur, (int)c["envelope_lifetime"], c["envelope_maintenance"], ry);
            parts[1] = new Component(pc.WindowsEur - pc.WindowsAnywayEur, (int)c["window_lifetime"], c["window_maintenance"], ry);
            parts[2] = new Component(pc.VentilationEur, (int)c["ventilation_lifetime"], c["ventilation_maintenance"], ry);
            parts[3] = new Component(pc.HeatingEur, pc.HeatingLifetimeYears, pc.HeatingMaintenanceShare, ry);
            parts[4] = new Component(pc.PvEur, (int)c["pv_lifetime"], c["pv_maintenance"], ry);
            return 5;
        }

        /// <summary>PV output used on site [kWh/a]: the self-consumption share, at most the building's electricity.</summary>
        private static double SelfConsumed(EnergyColumns e, int i, double selfShare) => Math.Min(e.PvKWh[i] * selfShare, e.ByCarrierKWh[(int)Carrier.Electricity][i]);

        /// <summary>CO₂ [kg] and energy cost [EUR] of one building state in year index y; PV offsets grid electricity.</summary>
        private static (double Co2, double Cost) Weigh(EnergyColumns e, int i, int y, double[][] factor, double[][] price, double[] exportPrice, double selfShare)
        {
            double co2 = 0, cost = 0;
            for (int c = 0; c < CarrierCount; c++)
            {
                double kwh = e.ByCarrierKWh[c][i];
                co2 += kwh * factor[c][y];
                cost += kwh * price[c][y];
            }

            double pv = e.PvKWh[i];
            if (pv > 0)
            {
                int el = (int)Carrier.Electricity;
                double self = SelfConsumed(e, i, selfShare);
                co2 -= pv * factor[el][y];
                cost -= (self * price[el][y]) + ((pv - self) * exportPrice[y]);
            }

            return (co2, cost);
        }

        public SimulationResult ToResult(string?[] reasons, int[] package, int[] ry, double[] subsidyByBuilding, PackageCost[] costs, BuildingStates b, BuildingStates a, EnergyColumns eb, EnergyColumns ea, ThermalColumns thBefore, string?[] classBefore, IReadOnlyList<SubsidyLine>?[]? subsidyLines)
        {
            SimulationData d = run.Data;
            double[] fp = d.PrimaryFactors;
            double selfShare = d.Costs["pv_self_consumption"];
            var finalAfter = new double[CarrierCount][];
            for (int c = 0; c < CarrierCount; c++)
            {
                finalAfter[c] = new double[_n];
            }

            var packageId = new string?[_n];
            var heatingBefore = new string[_n];
            var heatingAfter = new string[_n];
            var investment = new double[_n];
            var heatAfter = new double[_n];
            var pvAfter = new double[_n];
            var copAfter = new double[_n];
            var factorBefore = new double[_n];
            var basisBefore = new double[_n];
            var basisAfter = new double[_n];
            var factorAfter = new double[_n];
            var primaryBefore = new double[_n];
            var primaryAfter = new double[_n];
            var classAfter = new string?[_n];
            string[] heatingNames = Enum.GetValues<HeatingSystem>().Select(Scenarios.ScenarioValidator.KebabName).ToArray();
            Parallel.For(0, (_n + 4095) / 4096, run.Parallel, chunk =>
            {
                int end = Math.Min(_n, (chunk + 1) * 4096);
                for (int i = chunk * 4096; i < end; i++)
                {
                    if (!b.Active[i])
                    {
                        (heatingBefore[i], heatingAfter[i], primaryBefore[i], primaryAfter[i]) = (string.Empty, string.Empty, double.NaN, double.NaN);
                        (factorBefore[i], factorAfter[i], basisBefore[i], basisAfter[i]) = (double.NaN, double.NaN, double.NaN, double.NaN);
                        continue;
                    }

                    bool renovated = ry[i] != 0;
                    EnergyColumns e = renovated ? ea : eb;
                    // EP and class as an energy performance certificate calculates them: standard use, not the calibrated consumption.
                    double area = thBefore.ReferenceAreaM2[i];
                    for (int c = 0; c < CarrierCount; c++)
                    {
                        finalAfter[c][i] = e.ByCarrierKWh[c][i];
                    }

                    packageId[i] = renovated ? run.Scenario.Packages[package[i]].Id : null;
                    heatingBefore[i] = heatingNames[(int)b.Heating[i]];
                    heatingAfter[i] = heatingNames[(int)(renovated ? a.Heating[i] : b.Heating[i])];
                    investment[i] = renovated ? costs[i].TotalEur : 0;
                    heatAfter[i] = e.HeatNeedKWh[i];
                    pvAfter[i] = e.PvKWh[i];
                    copAfter[i] = e.SeasonalCop[i];
                    (factorBefore[i], factorAfter[i]) = (eb.ConsumptionFactor[i], e.ConsumptionFactor[i]);
                    // Polish EPC methodology: PV used on site counts with w = 0 (it displaces grid electricity); exported PV does not lower EP.
                    primaryBefore[i] = eb.PrimaryKWh(i, fp, selfShare) / area;
                    primaryAfter[i] = e.PrimaryKWh(i, fp, selfShare) / area;
                    (basisBefore[i], basisAfter[i]) = (eb.ClassValue(i, area, d.ClassScale, fp, selfShare), e.ClassValue(i, area, d.ClassScale, fp, selfShare));
                    classAfter[i] = d.ClassScale.ClassOf(basisAfter[i], run.Stock.SizeClass[i]);
                }
            });

            return new SimulationResult
            {
                Scenario = run.Scenario,
                CarrierNames = Enum.GetValues<Carrier>().Select(SimulationData.CarrierName).ToArray(),
                Simulated = b.Active,
                NotSimulatedReason = reasons,
                Package = packageId,
                RenovationYear = ry,
                HeatingBefore = heatingBefore,
                SubsidyLines = subsidyLines,
                HeatingBeforeSource = b.HeatingSource,
                RenewedYearBefore = b.RenewedYear,
                RenewalSourceBefore = b.RenewalSource,
                HeatingAfter = heatingAfter,
                InvestmentEur = investment,
                SubsidyEur = subsidyByBuilding,
                HeatNeedBeforeKWh = eb.HeatNeedKWh,
                HeatNeedAfterKWh = heatAfter,
                FinalBeforeKWh = eb.ByCarrierKWh,
                FinalAfterKWh = finalAfter,
                PvAfterKWh = pvAfter,
                SeasonalCopAfter = copAfter,
                ConsumptionFactorBefore = factorBefore,
                ConsumptionFactorAfter = factorAfter,
                ClassBasisBeforeKWhPerM2 = basisBefore,
                ClassBasisAfterKWhPerM2 = basisAfter,
                Co2StartYearKg = _co2Start,
                Co2EndYearKg = _co2End,
                PrimaryBeforeKWhPerM2 = primaryBefore,
                PrimaryAfterKWhPerM2 = primaryAfter,
                ClassBefore = classBefore,
                ClassAfter = classAfter,
                EnergyCostStartYearEur = _costStart,
                EnergyCostEndYearEur = _costEnd,
                NpvEur = _npv,
                SimplePaybackYears = _payback,
                DiscountedPaybackYears = _discountedPayback,
                LcceEurPerKWh = _lcce,
                AbatementCostEurPerTonne = _abatement,
                AnywayEur = Enumerable.Range(0, _n).Select(i => ry[i] != 0 ? costs[i].AnywayEur : 0).ToArray(),
                AnywayEurByYear = _anyway,
                MaintenanceEurByYear = _maintenance,
                MaintenanceBaselineEurByYear = _maintenanceBaseline,
                ReplacementEurByYear = _replacement,
                ReplacementBaselineEurByYear = _replacementBaseline,
                ResidualValueEur = _residual,
                ResidualValueBaselineEur = _residualBaseline,
                Years = years,
                Co2Kg = _co2,
                Co2BaselineKg = _co2Baseline,
                FinalEnergyKWhByYear = _energy,
                InvestmentEurByYear = _investment,
                SubsidyEurByYear = _subsidyByYear,
                RenovatedByYear = _renovated,
                EnergyCostEurByYear = _energyCost,
                EnergyCostBaselineEurByYear = _energyCostBaseline,
            };
        }
    }
}
