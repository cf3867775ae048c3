using Twin.Core.IO;
using Twin.Core.Stock;
using Twin.Sim.Engine;

namespace Twin.Cli.Runs;

/// <summary>Turns a simulation result into tables: per building (with the footprint), per year and per neighbourhood.</summary>
internal static class ResultExport
{
    public static FeatureTable Buildings(BuildingStock s, SimulationData d, SimulationResult r)
    {
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

        object?[] Text(Func<int, string?> f) => Enumerable.Range(0, n).Select(i => (object?)f(i)).ToArray();
        var columns = new List<AttributeColumn>
        {
            new("building_id", AttributeType.Text, Text(i => s.Ids[i])),
            new("typology", AttributeType.Text, Text(i => s.TypologyIndex[i] >= 0 ? d.Typologies.Types[s.TypologyIndex[i]].Code : null)),
            new("size_class", AttributeType.Text, Text(i => s.SizeClass[i] == SizeClass.Unknown ? null : s.SizeClass[i].ToString())),
            new("construction_year", AttributeType.Integer, Enumerable.Range(0, n).Select(i => s.ConstructionYear[i] == 0 ? null : (object)(long)s.ConstructionYear[i]).ToArray()),
            new("construction_year_source", AttributeType.Text, Text(i => s.ConstructionYearSource[i].ToString().ToLowerInvariant())),
            new("neighbourhood", AttributeType.Text, Text(i => s.NeighbourhoodIndex[i] >= 0 ? s.NeighbourhoodNames[s.NeighbourhoodIndex[i]] : null)),
            AttributeColumn.FromNumbers("heated_floor_area_m2", Num(i => s.HeatedFloorAreaM2[i])),
            AttributeColumn.FromNumbers("height_m", s.HeightM.Select(h => Math.Round(h, 2)).ToArray()),
            new("simulated", AttributeType.Boolean, r.Simulated.Cast<object?>().ToArray()),
            new("not_simulated_reason", AttributeType.Text, Text(i => r.NotSimulatedReason[i])),
            new("heating_before", AttributeType.Text, Text(i => r.Simulated[i] ? r.HeatingBefore[i] : null)),
            new("heating_before_source", AttributeType.Text, Text(i => r.Simulated[i] ? "inferred" : null)),
            new("package", AttributeType.Text, Text(i => r.Package[i])),
            new("renovation_year", AttributeType.Integer, Enumerable.Range(0, n).Select(i => r.RenovationYear[i] == 0 ? null : (object)(long)r.RenovationYear[i]).ToArray()),
            new("heating_after", AttributeType.Text, Text(i => r.Simulated[i] ? r.HeatingAfter[i] : null)),
            AttributeColumn.FromNumbers("investment_eur", Num(i => r.InvestmentEur[i])),
            AttributeColumn.FromNumbers("subsidy_eur", Num(i => r.SubsidyEur[i])),
            AttributeColumn.FromNumbers("net_investment_eur", Num(i => r.InvestmentEur[i] - r.SubsidyEur[i])),
            AttributeColumn.FromNumbers("heat_need_before_kwh", Num(i => r.HeatNeedBeforeKWh[i])),
            AttributeColumn.FromNumbers("heat_need_after_kwh", Num(i => r.HeatNeedAfterKWh[i])),
        };
        for (int c = 0; c < r.CarrierNames.Count; c++)
        {
            int cc = c;
            string name = Snake(r.CarrierNames[c]);
            columns.Add(AttributeColumn.FromNumbers($"{name}_before_kwh", Num(i => r.FinalBeforeKWh[cc][i])));
            columns.Add(AttributeColumn.FromNumbers($"{name}_after_kwh", Num(i => r.FinalAfterKWh[cc][i])));
        }

        columns.AddRange(
        [
            AttributeColumn.FromNumbers("pv_generation_kwh", Num(i => r.PvAfterKWh[i])),
            AttributeColumn.FromNumbers("heat_pump_scop", Num(i => r.SeasonalCopAfter[i])),
            AttributeColumn.FromNumbers($"co2_{r.Years[0]}_kg", Num(i => r.Co2StartYearKg[i])),
            AttributeColumn.FromNumbers($"co2_{r.Years[^1]}_kg", Num(i => r.Co2EndYearKg[i])),
            AttributeColumn.FromNumbers("primary_energy_before_kwh_per_m2", Num(i => r.PrimaryBeforeKWhPerM2[i])),
            AttributeColumn.FromNumbers("primary_energy_after_kwh_per_m2", Num(i => r.PrimaryAfterKWhPerM2[i])),
            new("class_before", AttributeType.Text, Text(i => r.ClassBefore[i])),
            new("class_after", AttributeType.Text, Text(i => r.ClassAfter[i])),
            AttributeColumn.FromNumbers($"energy_cost_{r.Years[0]}_eur", Num(i => r.EnergyCostStartYearEur[i])),
            AttributeColumn.FromNumbers($"energy_cost_{r.Years[^1]}_eur", Num(i => r.EnergyCostEndYearEur[i])),
            AttributeColumn.FromNumbers("npv_eur", Num(i => r.NpvEur[i])),
            AttributeColumn.FromNumbers("simple_payback_years", Num(i => r.SimplePaybackYears[i])),
        ]);
        return new FeatureTable("results", "results", s.Crs, [.. s.Footprints], columns, featureIds: s.Ids);
    }

    /// <summary>The stock's footprints reprojected and WKB-encoded once, for every scenario's buildings.parquet.</summary>
    public static EncodedGeometries EncodeFootprints(BuildingStock s) =>
        GeoParquetWriter.Encode(new FeatureTable("footprints", "stock", s.Crs, [.. s.Footprints], []));

    public static IReadOnlyList<AttributeColumn> Years(SimulationResult r)
    {
        int y = r.Years.Length;
        object?[] Col(Func<int, double> f) => Enumerable.Range(0, y).Select(k => (object?)Math.Round(f(k), 3)).ToArray();
        int cumulative = 0;
        var columns = new List<AttributeColumn>
        {
            new("year", AttributeType.Integer, r.Years.Select(v => (object?)(long)v).ToArray()),
            new("renovated", AttributeType.Integer, r.RenovatedByYear.Select(v => (object?)(long)v).ToArray()),
            new("renovated_cumulative", AttributeType.Integer, r.RenovatedByYear.Select(v => (object?)(long)(cumulative += v)).ToArray()),
            new("investment_eur", AttributeType.Number, Col(k => r.InvestmentEurByYear[k])),
            new("subsidy_eur", AttributeType.Number, Col(k => r.SubsidyEurByYear[k])),
            new("co2_kg", AttributeType.Number, Col(k => r.Co2Kg[k])),
            new("co2_no_renovation_kg", AttributeType.Number, Col(k => r.Co2BaselineKg[k])),
            new("energy_cost_eur", AttributeType.Number, Col(k => r.EnergyCostEurByYear[k])),
            new("energy_cost_no_renovation_eur", AttributeType.Number, Col(k => r.EnergyCostBaselineEurByYear[k])),
        };
        for (int c = 0; c < r.CarrierNames.Count; c++)
        {
            int cc = c;
            columns.Add(new($"{Snake(r.CarrierNames[c])}_kwh", AttributeType.Number, Col(k => r.FinalEnergyKWhByYear[cc][k])));
        }

        return columns;
    }

    public static IReadOnlyList<AttributeColumn> Neighbourhoods(BuildingStock s, SimulationResult r)
    {
        var groups = Enumerable.Range(0, s.Count).Where(i => r.Simulated[i])
            .GroupBy(i => s.NeighbourhoodIndex[i] >= 0 ? s.NeighbourhoodNames[s.NeighbourhoodIndex[i]] : "(none)")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        object?[] Col(Func<IGrouping<string, int>, double> f) => groups.Select(g => (object?)Math.Round(f(g), 3)).ToArray();
        return
        [
            new("neighbourhood", AttributeType.Text, groups.Select(g => (object?)g.Key).ToArray()),
            new("buildings_simulated", AttributeType.Integer, groups.Select(g => (object?)(long)g.Count()).ToArray()),
            new("buildings_renovated", AttributeType.Integer, groups.Select(g => (object?)(long)g.Count(i => r.RenovationYear[i] != 0)).ToArray()),
            new("heated_floor_area_m2", AttributeType.Number, Col(g => g.Sum(i => s.HeatedFloorAreaM2[i]))),
            new("investment_eur", AttributeType.Number, Col(g => g.Sum(i => r.InvestmentEur[i]))),
            new("subsidy_eur", AttributeType.Number, Col(g => g.Sum(i => r.SubsidyEur[i]))),
            new($"co2_{r.Years[0]}_kg", AttributeType.Number, Col(g => g.Sum(i => r.Co2StartYearKg[i]))),
            new($"co2_{r.Years[^1]}_kg", AttributeType.Number, Col(g => g.Sum(i => r.Co2EndYearKg[i]))),
        ];
    }

    private static string Snake(string camel) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(camel);
}
