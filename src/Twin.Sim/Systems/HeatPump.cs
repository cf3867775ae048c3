namespace Twin.Sim.Systems;

/// <summary>
/// Heat-pump performance as a quadratic in the source–sink temperature lift, Staffell et al. (2012),
/// "A review of domestic heat pumps", Energy Environ. Sci. 5:9291, doi:10.1039/C2EE22653G, as used in
/// PyPSA-Eur (build_cop_profiles): air COP = 6.81 − 0.121 ΔT + 0.000630 ΔT², ground COP = 8.77 − 0.150 ΔT + 0.000734 ΔT².
/// </summary>
public static class HeatPump
{
    /// <summary>Ground-source brine temperature over the heating season [°C]. Assumption: typical 0–10 °C; 5 °C used.</summary>
    public const double GroundSourceTemperatureC = 5.0;

    /// <summary>Domestic hot water delivery temperature [°C] (legionella-safe storage, EN 806-2 / DVGW W 551: ≥ 55–60 °C).</summary>
    public const double HotWaterSupplyTemperatureC = 55.0;

    /// <summary>COP at a source and a sink temperature [°C] (the lift is at least 10 K: the regression is fitted for 15–60 K).</summary>
    public static double Cop(HeatingSystem system, double sourceTemperatureC, double sinkTemperatureC)
    {
        double dt = Math.Max(10.0, sinkTemperatureC - sourceTemperatureC); // the regression is fitted for lifts of roughly 15–60 K
        return system switch
        {
            HeatingSystem.AirHeatPump => 6.81 - (0.121 * dt) + (0.000630 * dt * dt),
            HeatingSystem.GroundHeatPump => 8.77 - (0.150 * dt) + (0.000734 * dt * dt),
            _ => throw new ArgumentOutOfRangeException(nameof(system), system, "not a heat pump"),
        };
    }

    /// <summary>
    /// Space-heating flow temperature needed by the emitters, from the design heat flux per m² of floor.
    /// Assumption (no standard gives one number): 35 °C at ≤ 30 W/m² (low-temperature emitters suffice),
    /// 55 °C at ≥ 90 W/m² (unrenovated building on its original radiators, the usual upper limit of heat
    /// pumps), linear between. It is why a heat pump performs worse in an unrenovated building.
    /// </summary>
    public static double FlowTemperatureC(double designHeatFluxWPerM2) => 35.0 + (20.0 * Math.Clamp((designHeatFluxWPerM2 - 30.0) / 60.0, 0.0, 1.0));
}
