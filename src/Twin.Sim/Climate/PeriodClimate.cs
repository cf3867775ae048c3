namespace Twin.Sim.Climate;

/// <summary>
/// Climate of the balance periods (12 months, or one heating season): length [d], mean external
/// temperature [°C] and global irradiation on horizontal, east, south, west and north surfaces
/// [kWh/m² per period]. The same orientation order as TABULA's I_Sol_* columns.
/// </summary>
public sealed record PeriodClimate(string Name, string Source, double[] Days, double[] ExternalTemperatureC, double[][] IrradiationKWhPerM2, bool IsSeasonal)
{
    /// <summary>Number of balance periods (12 or 1).</summary>
    public int Periods => Days.Length;

    /// <summary>Annual global horizontal irradiation [kWh/(m²a)] for PV yield (a seasonal climate gives it separately).</summary>
    public double AnnualHorizontalKWhPerM2 { get; init; } = double.NaN;

    /// <summary>Annual horizontal irradiation: the given value, else the sum over monthly periods.</summary>
    public double AnnualHorizontal => double.IsFinite(AnnualHorizontalKWhPerM2) ? AnnualHorizontalKWhPerM2 : IsSeasonal ? double.NaN : IrradiationKWhPerM2[0].Sum();

    /// <summary>Design outdoor temperature for heat-load sizing [°C].</summary>
    public double DesignTemperatureC { get; init; } = -18.0;

    /// <summary>
    /// TABULA national climate (one heating-season period), e.g. PL.N: 242 heating days, θ_e = 2.8 °C,
    /// I_sol hor/E/S/W/N = 647/462/560/448/391 kWh/(m²a) (IWU tabula-values, Tab.Climate).
    /// </summary>
    public static PeriodClimate TabulaSeason(string name, double heatingDays, double thetaE, double hor, double east, double south, double west, double north) =>
        new(name, "IWU tabula-values Tab.Climate", [heatingDays], [thetaE], [[hor], [east], [south], [west], [north]], IsSeasonal: true);
}
