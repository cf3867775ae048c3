using Twin.Core.Stock;
using Twin.Sim.Engine;
using Twin.Sim.Systems;

namespace Twin.Sim.Economics;

/// <summary>Investment of one package in one building, by measure, with each measure's lifetime (for residual values).</summary>
public readonly record struct PackageCost(double EnvelopeEur, double WindowsEur, double VentilationEur, double HeatingEur, double PvEur, int HeatingLifetimeYears)
{
    /// <summary>Total investment [EUR].</summary>
    public double TotalEur => EnvelopeEur + WindowsEur + VentilationEur + HeatingEur + PvEur;

    /// <summary>
    /// The part of the investment that is not energy-related [EUR] (EN 15459-1: the "anyway" cost, e.g. render and scaffolding of a
    /// façade that needs renewing anyway): the envelope and window costs × (1 − their energy-related share, unit_costs.csv).
    /// </summary>
    public double AnywayEur => EnvelopeAnywayEur + WindowsAnywayEur;

    /// <summary>The anyway part of <see cref="EnvelopeEur"/> [EUR].</summary>
    public double EnvelopeAnywayEur { get; init; }

    /// <summary>The anyway part of <see cref="WindowsEur"/> [EUR].</summary>
    public double WindowsAnywayEur { get; init; }

    /// <summary>Annual maintenance share of the new heat generator [1/a].</summary>
    public double HeatingMaintenanceShare { get; init; }

    /// <summary>Area of wall, roof and floor the package insulates [m²] (per-m² caps of support programmes).</summary>
    public double InsulatedAreaM2 { get; init; }

    /// <summary>Window area the package replaces [m²].</summary>
    public double WindowAreaM2 { get; init; }

    /// <summary>The energy-related investment [EUR]: total − anyway.</summary>
    public double EnergyRelatedEur => TotalEur - AnywayEur;
}

/// <summary>
/// Costs of renovation measures from sourced unit costs (data/samples/defaults/unit_costs.csv):
/// insulation cost = fix + per-cm × thickness, thickness = λ·(1/U_new − 1/U_old) (the added resistance that
/// reaches the target); windows per m² (triple glazing for U ≤ 1.0, else double); ventilation per m² floor;
/// heat generators per kW of design heat load after the envelope measures; PV per kWp. German envelope, window and
/// ventilation costs are scaled by the Eurostat price-level ratio PL/DE of 2018 (PyPSA-Eur practice) and brought to
/// end-2023 Polish prices with the GUS construction price index.
/// </summary>
public static class PackageCosting
{
    /// <summary>A window at or below this U needs triple glazing (the double-glazing option of the cost table has U 1.34, triple 0.8).</summary>
    public const double TripleGlazingMaxUWPerM2K = 1.0;

    internal static PackageCost Cost(SimulationData d, BuildingStock s, int i, TypeModel t, in EnvelopeSpec before, in EnvelopeSpec after, double heatRecoveryBefore, double heatRecoveryAfter, HeatingSystem heatingBefore, HeatingSystem heatingAfter, double designLoadAfterKw, double pvKwp)
    {
        UnitCosts c = d.Costs;
        // German prices × the PL/DE price level (2018) × Polish construction price growth since (GUS, to end-2023).
        double pli = c["price_level_factor"] * c["construction_price_index_pl"];
        double lambda = c["insulation_lambda"];
        double door = t.DoorAreaPerM2Ref * s.HeatedFloorAreaM2[i];
        double wall = Math.Max(0, s.WallAreaM2[i] - door);
        double wallCost = Insulation(before.UWall, after.UWall, wall, c["wall_fix"], c["wall_per_cm"], lambda);
        double roofCost = Insulation(before.URoof, after.URoof, s.RoofAreaM2[i], c["roof_fix"], c["roof_per_cm"], lambda);
        double floorCost = Insulation(before.UFloor, after.UFloor, s.GroundFloorAreaM2[i], c["floor_fix"], c["floor_per_cm"], lambda);
        double envelope = wallCost + roofCost + floorCost;
        double windowArea = s.WindowNorthM2[i] + s.WindowEastM2[i] + s.WindowSouthM2[i] + s.WindowWestM2[i];
        double windows = after.UWindow < before.UWindow - 1e-9 ? windowArea * (after.UWindow <= TripleGlazingMaxUWPerM2K ? c["window_triple"] : c["window_double"]) : 0;
        double ventilation = heatRecoveryAfter > heatRecoveryBefore ? c["ventilation_hr"] * s.HeatedFloorAreaM2[i] : 0;
        double envelopeAnyway = (wallCost * (1 - c["wall_energy_share"])) + (roofCost * (1 - c["roof_energy_share"])) + (floorCost * (1 - c["floor_energy_share"]));
        HeatingSystemSpec spec = d.HeatingSystems[heatingAfter];
        double heating = heatingAfter != heatingBefore ? Generator(d, heatingAfter, designLoadAfterKw) : 0;
        double pv = pvKwp * c["pv_investment"];
        return new PackageCost(envelope * pli, windows * pli, ventilation * pli, heating, pv, spec.LifetimeYears) 
        {
            EnvelopeAnywayEur = envelopeAnyway * pli,
            WindowsAnywayEur = windows * (1 - c["window_energy_share"]) * pli,
            HeatingMaintenanceShare = spec.MaintenanceSharePerYear,
            InsulatedAreaM2 = (wallCost > 0 ? wall : 0) + (roofCost > 0 ? s.RoofAreaM2[i] : 0) + (floorCost > 0 ? s.GroundFloorAreaM2[i] : 0),
            WindowAreaM2 = windows > 0 ? windowArea : 0,
        };
    }

    /// <summary>Investment in heat generator <paramref name="system"/> sized to a design load [EUR]: fixed + per kW × max(smallest size, load).</summary>
    public static double Generator(SimulationData d, HeatingSystem system, double designLoadKw)
    {
        HeatingSystemSpec spec = d.HeatingSystems[system];
        return spec.InvestmentFixedEur + (spec.InvestmentEurPerKw * Math.Max(d.Costs["heat_load_min_kw"], designLoadKw));
    }

    /// <summary>Insulation thickness [cm] that lowers U from <paramref name="uBefore"/> to <paramref name="uAfter"/>: d = λ·(1/U_after − 1/U_before).</summary>
    public static double ThicknessCm(double uBefore, double uAfter, double lambda) =>
        uAfter > 0 && uBefore > 0 && uAfter < uBefore ? 100.0 * lambda * ((1.0 / uAfter) - (1.0 / uBefore)) : 0.0;

    private static double Insulation(double uBefore, double uAfter, double area, double fix, double perCm, double lambda)
    {
        double cm = ThicknessCm(uBefore, uAfter, lambda);
        return cm > 0 ? area * (fix + (perCm * cm)) : 0.0;
    }
}
