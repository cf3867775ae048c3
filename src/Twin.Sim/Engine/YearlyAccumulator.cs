using Twin.Sim.Economics;
using Twin.Sim.Physics;
using Twin.Sim.Systems;

namespace Twin.Sim.Engine;

public static partial class Simulator
{
    /// <summary>
    /// The year loop: per building and year, the state in force (renovated from its renovation year on) is
    /// weighted with that year's emission factors and prices; per-year totals are summed per fixed chunk and
    /// the chunks reduced in order (bit-identical for any thread count). Also each building's NPV and payback.
    /// </summary>
    private sealed class YearlyAccumulator(RunState run, int[] years, BuildingStates before, EnergyColumns eBefore, EnergyColumns eAfter, int[] renovationYear, PackageCost[] cost, double[] subsidy)
    {
        private const int CarrierCount = 6;
        private readonly int _n = run.Count;
        private readonly int _years = years.Length;
        private double[] _co2 = [], _co2Baseline = [], _energyCost = [], _energyCostBaseline = [], _investment = [], _subsidyByYear = [];
        private double[][] _energy = [];
        private int[] _renovated = [];
        private readonly double[] _co2Start = new double[run.Count], _co2End = new double[run.Count], _costStart = new double[run.Count], _costEnd = new double[run.Count];
        private readonly double[] _npv = new double[run.Count], _payback = new double[run.Count];

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
            double envelopeLife = d.Costs["envelope_lifetime"], windowLife = d.Costs["window_lifetime"], ventLife = d.Costs["ventilation_lifetime"], pvLife = d.Costs["pv_lifetime"];

            int chunkSize = run.Options.ChunkSize;
            int chunks = (_n + chunkSize - 1) / chunkSize;
            var partial = new double[chunks][];
            int width = (4 + CarrierCount) * _years;
            int done = 0;
            Parallel.For(0, chunks, run.Parallel, chunk =>
            {
                double[] acc = new double[width];
                int from = chunk * chunkSize, to = Math.Min(_n, from + chunkSize);
                for (int i = from; i < to; i++)
                {
                    if (!before.Active[i])
                    {
                        continue;
                    }

                    int ry = renovationYear[i];
                    double npv = 0;
                    for (int y = 0; y < _years; y++)
                    {
                        bool renovated = ry != 0 && years[y] >= ry;
                        (double co2B, double costB) = Weigh(eBefore, i, y, factor, price, exportPrice, selfShare);
                        (double co2, double cst) = renovated ? Weigh(eAfter, i, y, factor, price, exportPrice, selfShare) : (co2B, costB);
                        acc[y] += co2;
                        acc[_years + y] += co2B;
                        acc[(2 * _years) + y] += cst;
                        acc[(3 * _years) + y] += costB;
                        EnergyColumns e = renovated ? eAfter : eBefore;
                        for (int c = 0; c < CarrierCount; c++)
                        {
                            acc[((4 + c) * _years) + y] += e.ByCarrierKWh[c][i];
                        }

                        if (y == 0)
                        {
                            (_co2Start[i], _costStart[i]) = (co2, cst);
                        }

                        if (y == _years - 1)
                        {
                            (_co2End[i], _costEnd[i]) = (co2, cst);
                        }

                        if (renovated)
                        {
                            npv += (costB - cst) * discount[y];
                        }

                        if (ry != 0 && years[y] == ry)
                        {
                            double net = cost[i].TotalEur - subsidy[i];
                            double firstYearSaving = costB - cst;
                            _payback[i] = firstYearSaving > 0 ? net / firstYearSaving : double.NaN;
                            npv -= net * discount[y];
                        }
                    }

                    if (ry != 0)
                    {
                        PackageCost pc = cost[i];
                        double residual = Finance.ResidualValue(pc.EnvelopeEur, (int)envelopeLife, ry, end)
                            + Finance.ResidualValue(pc.WindowsEur, (int)windowLife, ry, end)
                            + Finance.ResidualValue(pc.VentilationEur, (int)ventLife, ry, end)
                            + Finance.ResidualValue(pc.HeatingEur, pc.HeatingLifetimeYears, ry, end)
                            + Finance.ResidualValue(pc.PvEur, (int)pvLife, ry, end);
                        _npv[i] = npv + (residual * Finance.DiscountFactor(rate, end + 1, start));
                    }
                    else
                    {
                        (_npv[i], _payback[i]) = (double.NaN, double.NaN);
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

            _co2 = total[.._years];
            _co2Baseline = total[_years..(2 * _years)];
            _energyCost = total[(2 * _years)..(3 * _years)];
            _energyCostBaseline = total[(3 * _years)..(4 * _years)];
            _energy = Enumerable.Range(0, CarrierCount).Select(c => total[((4 + c) * _years)..((5 + c) * _years)]).ToArray();
            _investment = new double[_years];
            _subsidyByYear = new double[_years];
            _renovated = new int[_years];
            for (int i = 0; i < _n; i++)
            {
                if (renovationYear[i] != 0)
                {
                    int y = renovationYear[i] - start;
                    _investment[y] += cost[i].TotalEur;
                    _subsidyByYear[y] += subsidy[i];
                    _renovated[y]++;
                }
            }
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

        public SimulationResult ToResult(string?[] reasons, int[] package, int[] ry, double[] subsidyByBuilding, PackageCost[] costs, BuildingStates b, BuildingStates a, EnergyColumns eb, EnergyColumns ea, ThermalColumns thBefore, string?[] classBefore)
        {
            SimulationData d = run.Data;
            double[] fpBefore = Enum.GetValues<Carrier>().Select(c => d.Carriers[c].PrimaryNonRenewable).ToArray();
            double fpElectricity = d.Carriers[Carrier.Electricity].PrimaryNonRenewable;
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
                        (factorBefore[i], factorAfter[i]) = (double.NaN, double.NaN);
                        continue;
                    }

                    bool renovated = ry[i] != 0;
                    EnergyColumns e = renovated ? ea : eb;
                    double area = thBefore.ReferenceAreaM2[i], pBefore = 0, pAfter = 0, final = 0;
                    for (int c = 0; c < CarrierCount; c++)
                    {
                        finalAfter[c][i] = e.ByCarrierKWh[c][i];
                        final += finalAfter[c][i];
                        pBefore += eb.ByCarrierKWh[c][i] * fpBefore[c];
                        pAfter += finalAfter[c][i] * fpBefore[c];
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
                    primaryBefore[i] = (pBefore - (SelfConsumed(eb, i, selfShare) * fpElectricity)) / area;
                    primaryAfter[i] = (pAfter - (SelfConsumed(e, i, selfShare) * fpElectricity)) / area;
                    classAfter[i] = d.ClassScale.ClassOf(final / area);
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
