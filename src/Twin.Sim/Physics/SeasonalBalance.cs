namespace Twin.Sim.Physics;

/// <summary>
/// Inputs of the TABULA seasonal (heating-season) energy balance for one building, per m² of
/// reference floor area A_C_Ref. This is the EN ISO 13790 quasi-steady-state method with one
/// period (the heating season) and TABULA's conventions (TABULA Common Calculation Method,
/// Loga et al., IWU 2013; episcope.eu).
/// </summary>
public readonly record struct SeasonalBalanceInputs
{
    /// <summary>Transmission heat transfer coefficient per m² A_C_Ref, incl. thermal bridges [W/(m²K)].</summary>
    public required double TransmissionWPerM2K { get; init; }

    /// <summary>Ventilation heat transfer coefficient per m² A_C_Ref [W/(m²K)].</summary>
    public required double VentilationWPerM2K { get; init; }

    /// <summary>Temperature-reduction factor at h_tr = 1 W/(m²K) (TABULA boundary conditions F_red_htr1) [-].</summary>
    public required double ReductionFactorAtHtr1 { get; init; }

    /// <summary>Temperature-reduction factor at h_tr = 4 W/(m²K) (F_red_htr4) [-].</summary>
    public required double ReductionFactorAtHtr4 { get; init; }

    /// <summary>Internal set-point θ_i [°C].</summary>
    public required double InternalTemperatureC { get; init; }

    /// <summary>Mean external temperature over the heating days θ_e [°C].</summary>
    public required double ExternalTemperatureC { get; init; }

    /// <summary>Length of the heating season [d].</summary>
    public required double HeatingDays { get; init; }

    /// <summary>Solar heat gains over the season per m² A_C_Ref [kWh/(m²·a)]: Σ_dir F_sh·(1−F_f)·F_w·g·A_win,dir·I_sol,dir / A_C_Ref.</summary>
    public required double SolarGainsKWhPerM2 { get; init; }

    /// <summary>Internal heat gains φ_int [W/m²].</summary>
    public required double InternalGainsWPerM2 { get; init; }

    /// <summary>Internal heat capacity c_m [Wh/(m²K)].</summary>
    public required double HeatCapacityWhPerM2K { get; init; }
}

/// <summary>Results of the seasonal balance, per m² A_C_Ref [kWh/(m²·a)] unless stated.</summary>
public readonly record struct SeasonalBalanceResult(
    double TemperatureReductionFactor,
    double TransmissionLossKWhPerM2,
    double VentilationLossKWhPerM2,
    double SolarGainsKWhPerM2,
    double InternalGainsKWhPerM2,
    double TimeConstantH,
    double GainUtilisation,
    double HeatNeedKWhPerM2);

/// <summary>
/// The TABULA seasonal heating balance, one equation per method. Scalar reference implementation;
/// the column kernel in <see cref="BalanceKernel"/> must agree with it (tested).
/// </summary>
public static class SeasonalBalance
{
    /// <summary>kWh per (W·d): 24 h/d / 1000 W/kW.</summary>
    public const double KWhPerWattDay = 0.024;

    /// <summary>Numerical parameter a_H,0 of the seasonal method (EN ISO 13790:2008 §12.2.1.1, seasonal: 0.8).</summary>
    public const double UtilisationA0 = 0.8;

    /// <summary>Reference time constant τ_H,0 of the seasonal method [h] (EN ISO 13790:2008 §12.2.1.1, seasonal: 30 h).</summary>
    public const double UtilisationTau0H = 30.0;

    /// <summary>Q_h,nd = Q_ht − η_h,gn (Q_sol + Q_int) for one period (EN ISO 13790 §7.2.1.1, eq. 2), per m² of reference area.</summary>
    public static SeasonalBalanceResult Compute(in SeasonalBalanceInputs x)
    {
        double fRed = TemperatureReductionFactor(x.TransmissionWPerM2K, x.ReductionFactorAtHtr1, x.ReductionFactorAtHtr4);
        double degreeDays = (x.InternalTemperatureC - x.ExternalTemperatureC) * x.HeatingDays;
        double qTr = x.TransmissionWPerM2K * fRed * degreeDays * KWhPerWattDay;
        double qVe = x.VentilationWPerM2K * fRed * degreeDays * KWhPerWattDay;
        double qInt = x.InternalGainsWPerM2 * x.HeatingDays * KWhPerWattDay;
        double tau = TimeConstantH(x.HeatCapacityWhPerM2K, x.TransmissionWPerM2K + x.VentilationWPerM2K);
        double gains = x.SolarGainsKWhPerM2 + qInt;
        double eta = GainUtilisation(gains / (qTr + qVe), UtilisationA0 + (tau / UtilisationTau0H));
        return new SeasonalBalanceResult(fRed, qTr, qVe, x.SolarGainsKWhPerM2, qInt, tau, eta, Math.Max(0.0, qTr + qVe - (eta * gains)));
    }

    /// <summary>
    /// TABULA temperature-reduction factor F_red,temp (accounts for night set-back and unheated rooms),
    /// linear in h_tr between F_red,htr1 at 1 W/(m²K) and F_red,htr4 at 4 W/(m²K), constant above 4, and
    /// rising linearly to 1.0 at h_tr = 0.5 W/(m²K) (extrapolated below). The low-h_tr branch is not stated
    /// in the SOURCES; it was identified from the published F_red_temp of all 759 rows of the EPISCOPE
    /// calculator export (episcope-tabula_existing_state_all_countries_tsib.csv) and reproduces every one.
    /// </summary>
    public static double TemperatureReductionFactor(double hTransmissionWPerM2K, double fRedHtr1, double fRedHtr4) =>
        hTransmissionWPerM2K < 1.0 ? fRedHtr1 + ((1.0 - fRedHtr1) * (1.0 - hTransmissionWPerM2K) / 0.5)
        : hTransmissionWPerM2K < 4.0 ? fRedHtr1 + ((fRedHtr4 - fRedHtr1) * (hTransmissionWPerM2K - 1.0) / 3.0)
        : fRedHtr4;

    /// <summary>Time constant τ = C_m / H [h] (EN ISO 13790:2008 eq. 69, per m²: c_m / (h_tr + h_ve)).</summary>
    public static double TimeConstantH(double heatCapacityWhPerM2K, double heatTransferWPerM2K) => heatCapacityWhPerM2K / heatTransferWPerM2K;

    /// <summary>
    /// Gain utilisation factor for heating η_H,gn (EN ISO 13790:2008 eq. 52–53): (1 − γ^a)/(1 − γ^(a+1)) for γ ≠ 1,
    /// a/(a + 1) for γ = 1, 1/γ for γ &lt; 0 is not applicable here (gains are non-negative).
    /// </summary>
    public static double GainUtilisation(double gainLossRatio, double a)
    {
        if (gainLossRatio <= 0)
        {
            return 1.0;
        }

        return Math.Abs(gainLossRatio - 1.0) < 1e-12 ? a / (a + 1.0) : (1.0 - Math.Pow(gainLossRatio, a)) / (1.0 - Math.Pow(gainLossRatio, a + 1.0));
    }

    /// <summary>Ventilation heat transfer per m² A_C_Ref: c_air · (n_use + n_inf) · h_room, c_air = 0.34 Wh/(m³K) (TABULA; EN ISO 13790 eq. 21, ρ_a c_a = 1200 J/(m³K)).</summary>
    public static double VentilationWPerM2K(double airChangeUsePerH, double airChangeInfiltrationPerH, double roomHeightM) =>
        AirHeatCapacityWhPerM3K * (airChangeUsePerH + airChangeInfiltrationPerH) * roomHeightM;

    /// <summary>Volumetric heat capacity of air, 0.34 Wh/(m³K) (TABULA Common Calculation Method).</summary>
    public const double AirHeatCapacityWhPerM3K = 0.34;
}
