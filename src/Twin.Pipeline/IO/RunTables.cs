using Twin.Core.IO;
using Twin.Core.Schema;
using Twin.Core.Stock;
using Twin.Sim.Engine;

namespace Twin.Pipeline.IO;

/// <summary>A run's results as tables for the writers, every column through the <see cref="ColumnRegistry"/>.</summary>
public static class RunTables
{
    /// <summary>One row per accepted building, with its footprint: the <see cref="OutputTable.Buildings"/> columns.</summary>
    public static FeatureTable Buildings(ScenarioRun run)
    {
        BuildingStock s = run.Stock.Buildings;
        SimulationData d = run.Data.Simulation;
        SimulationResult r = run.Result;
        int n = s.Count;
        double[] Num(Func<int, double> f)
        {
            double[] v = new double[n];
            for (int i = 0; i < n; i++)
            {
                double x = r.Simulated[i] ? f(i) : double.NaN;
                v[i] = double.IsFinite(x) ? Math.Round(x, 3) : double.NaN;
            }

            return v;
        }

        AttributeColumn N(string name, Func<int, double> f) => ColumnRegistry.Numbers(OutputTable.Buildings, name, Num(f));
        AttributeColumn C(string name, Func<int, object?> f) => ColumnRegistry.Column(OutputTable.Buildings, name, Enumerable.Range(0, n).Select(f).ToArray());
        object? Year(int y) => y == 0 ? null : Boxed(y);
        List<AttributeColumn> columns =
        [
            C("building_id", i => s.Ids[i]),
            C("typology", i => s.TypologyIndex[i] >= 0 ? d.Typologies.Types[s.TypologyIndex[i]].Code : null),
            C("size_class", i => s.SizeClass[i] == SizeClass.Unknown ? null : s.SizeClass[i].ToString()),
            C("construction_year", i => Year(s.ConstructionYear[i])),
            C("construction_year_source", i => s.ConstructionYearSource[i].Name()),
            C("neighbourhood", i => s.NeighbourhoodIndex[i] >= 0 ? s.NeighbourhoodNames[s.NeighbourhoodIndex[i]] : null),
            N("heated_floor_area_m2", i => s.HeatedFloorAreaM2[i]),
            ColumnRegistry.Numbers(OutputTable.Buildings, "height_m", s.HeightM.Select(h => Math.Round(h, 2)).ToArray()),
            C("simulated", i => r.Simulated[i]),
            C("not_simulated_reason", i => r.NotSimulatedReason[i]),
            C("heating_before", i => r.Simulated[i] ? r.HeatingBefore[i] : null),
            C("heating_before_source", i => r.Simulated[i] ? r.HeatingBeforeSource[i].Name() : null),
            .. Enum.GetValues<EnvelopeElement>().Select(e => C(ColumnRegistry.RenewalColumn(e), i => r.Simulated[i] ? Boxed(r.RenewedYearBefore[(int)e][i]) : null)),
            C("renewal_source", i => r.Simulated[i] ? r.RenewalSourceBefore[i].Name() : null),
            C("package", i => r.Package[i]),
            C("renovation_year", i => Year(r.RenovationYear[i])),
            C("heating_after", i => r.Simulated[i] ? r.HeatingAfter[i] : null),
            N("investment_eur", i => r.InvestmentEur[i]),
            N("subsidy_eur", i => r.SubsidyEur[i]),
            N("net_investment_eur", i => r.InvestmentEur[i] - r.SubsidyEur[i]),
            N("anyway_cost_eur", i => r.AnywayEur[i]),
            N("heat_need_before_kwh", i => r.HeatNeedBeforeKWh[i]),
            N("heat_need_after_kwh", i => r.HeatNeedAfterKWh[i]),
        ];
        for (int c = 0; c < r.CarrierNames.Count; c++)
        {
            int cc = c;
            string name = Snake(r.CarrierNames[c]);
            columns.Add(N($"{name}_before_kwh", i => r.FinalBeforeKWh[cc][i]));
            columns.Add(N($"{name}_after_kwh", i => r.FinalAfterKWh[cc][i]));
        }

        columns.AddRange(
        [
            N("pv_generation_kwh", i => r.PvAfterKWh[i]),
            N("consumption_factor_before", i => r.ConsumptionFactorBefore[i]),
            N("consumption_factor_after", i => r.ConsumptionFactorAfter[i]),
            N("heat_pump_scop", i => r.SeasonalCopAfter[i]),
            N($"co2_{r.Years[0]}_kg", i => r.Co2StartYearKg[i]),
            N($"co2_{r.Years[^1]}_kg", i => r.Co2EndYearKg[i]),
            N("primary_energy_before_kwh_per_m2", i => r.PrimaryBeforeKWhPerM2[i]),
            N("primary_energy_after_kwh_per_m2", i => r.PrimaryAfterKWhPerM2[i]),
            N("ep_limit_kwh_per_m2", i => d.EpLimits.TryGetValue(s.SizeClass[i], out EpLimit? l) ? l.MaxKWhPerM2 : double.NaN),
            C("meets_ep_limit_after", i => r.Simulated[i] && d.EpLimits.TryGetValue(s.SizeClass[i], out EpLimit? l) ? Boxed(r.PrimaryAfterKWhPerM2[i] <= l.MaxKWhPerM2) : null),
            C("class_before", i => r.ClassBefore[i]),
            C("class_after", i => r.ClassAfter[i]),
            N($"energy_cost_{r.Years[0]}_eur", i => r.EnergyCostStartYearEur[i]),
            N($"energy_cost_{r.Years[^1]}_eur", i => r.EnergyCostEndYearEur[i]),
            N("npv_eur", i => r.NpvEur[i]),
            N("simple_payback_years", i => r.SimplePaybackYears[i]),
            N("discounted_payback_years", i => r.DiscountedPaybackYears[i]),
            N("lcce_eur_per_kwh", i => r.LcceEurPerKWh[i]),
            N("abatement_cost_eur_per_t", i => r.AbatementCostEurPerTonne[i]),
        ]);
        return new FeatureTable("results", "results", s.Crs, [.. s.Footprints], columns, featureIds: s.Ids);
    }

    /// <summary>One row per year of the horizon: the <see cref="OutputTable.Years"/> columns.</summary>
    public static IReadOnlyList<AttributeColumn> Years(IReadOnlyList<YearTotals> years)
    {
        AttributeColumn I(string name, Func<YearTotals, long> f) => ColumnRegistry.Column(OutputTable.Years, name, years.Select(y => (object?)f(y)).ToArray());
        AttributeColumn N(string name, Func<YearTotals, double> f) => ColumnRegistry.Column(OutputTable.Years, name, years.Select(y => (object?)Math.Round(f(y), 3)).ToArray());
        var columns = new List<AttributeColumn>
        {
            I("year", y => y.Year),
            I("renovated", y => y.Renovated),
            I("renovated_cumulative", y => y.RenovatedCumulative),
            N("investment_eur", y => y.InvestmentEur),
            N("subsidy_eur", y => y.SubsidyEur),
            N("co2_kg", y => y.Co2Kg),
            N("co2_no_renovation_kg", y => y.Co2NoRenovationKg),
            N("energy_cost_eur", y => y.EnergyCostEur),
            N("energy_cost_no_renovation_eur", y => y.EnergyCostNoRenovationEur),
            N("anyway_eur", y => y.Costs.AnywayEur),
            N("maintenance_eur", y => y.Costs.MaintenanceEur),
            N("maintenance_no_renovation_eur", y => y.Costs.MaintenanceNoRenovationEur),
            N("replacement_eur", y => y.Costs.ReplacementEur),
            N("replacement_no_renovation_eur", y => y.Costs.ReplacementNoRenovationEur),
            N("residual_value_eur", y => y.Costs.ResidualValueEur),
            N("residual_value_no_renovation_eur", y => y.Costs.ResidualValueNoRenovationEur),
        };
        foreach (string carrier in years.Count > 0 ? years[0].FinalEnergyKWhByCarrier.Keys : [])
        {
            columns.Add(N($"{carrier}_kwh", y => y.FinalEnergyKWhByCarrier[carrier]));
        }

        return columns;
    }

    /// <summary>One row per neighbourhood: the <see cref="OutputTable.Neighbourhoods"/> columns.</summary>
    public static IReadOnlyList<AttributeColumn> Neighbourhoods(IReadOnlyList<NeighbourhoodTotals> hoods, int startYear, int endYear)
    {
        AttributeColumn C(string name, Func<NeighbourhoodTotals, object?> f) => ColumnRegistry.Column(OutputTable.Neighbourhoods, name, hoods.Select(f).ToArray());
        object R(double v) => Math.Round(v, 3);
        return
        [
            C("neighbourhood", h => h.Neighbourhood),
            C("buildings_simulated", h => (long)h.BuildingsSimulated),
            C("buildings_renovated", h => (long)h.BuildingsRenovated),
            C("heated_floor_area_m2", h => R(h.HeatedFloorAreaM2)),
            C("investment_eur", h => R(h.InvestmentEur)),
            C("subsidy_eur", h => R(h.SubsidyEur)),
            C($"co2_{startYear}_kg", h => R(h.Co2StartYearKg)),
            C($"co2_{endYear}_kg", h => R(h.Co2EndYearKg)),
        ];
    }

    // Boxed values shared by every row (a million-building table would otherwise box each year and flag anew).
    private static readonly object[] BoxedYears = Enumerable.Range(-1, 2200 + 2).Select(y => (object)(long)y).ToArray();
    private static readonly object True = true, False = false;

    private static object Boxed(int year) => year is >= -1 and <= 2200 ? BoxedYears[year + 1] : (long)year;

    private static object Boxed(bool b) => b ? True : False;

    /// <summary>A carrier's camelCase name as a column stem: districtHeat → district_heat.</summary>
    public static string Snake(string camel) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(camel);
}
