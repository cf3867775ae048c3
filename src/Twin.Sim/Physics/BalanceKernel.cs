using Twin.Sim.Climate;

namespace Twin.Sim.Physics;

/// <summary>
/// The quasi-steady-state heating balance per period (EN ISO 13790:2008 §7.2.1.1 monthly / seasonal method),
/// over a range of buildings held as columns: per period p,
/// Q_ht = F_red·(H_tr + H_ve)·(θ_i − θ_e,p)·t_p, Q_gn = Σ_dir A_sol,dir·I_dir,p + Φ_int·t_p,
/// Q_nd = max(0, Q_ht − η(γ, a)·Q_gn) with γ = Q_gn/Q_ht, a = a_0 + τ/τ_0 (eq. 52–53, 69) and
/// τ = C_m/(H_tr + H_ve). Seasonal: a_0 = 0.8, τ_0 = 30 h; monthly: a_0 = 1.0, τ_0 = 15 h (§12.2.1.1).
/// F_red is TABULA's temperature-reduction factor (intermittent heating, unheated rooms), applied in both.
/// No allocation; one pass per building.
/// </summary>
public static class BalanceKernel
{
    /// <summary>Monthly-method numerical parameters (EN ISO 13790:2008 §12.2.1.1).</summary>
    public const double MonthlyA0 = 1.0;

    public const double MonthlyTau0H = 15.0;

    /// <summary>
    /// Annual heating need [kWh/a] and the need-weighted mean external temperature [°C] (the effective
    /// source temperature of an air-source heat pump) for buildings [start, end).
    /// </summary>
    public static void Run(ThermalColumns c, PeriodClimate climate, int start, int end, Span<double> heatNeedKWh, Span<double> weightedExternalC)
    {
        double a0 = climate.IsSeasonal ? SeasonalBalance.UtilisationA0 : MonthlyA0;
        double tau0 = climate.IsSeasonal ? SeasonalBalance.UtilisationTau0H : MonthlyTau0H;
        int periods = climate.Periods;
        double[] days = climate.Days, thetaE = climate.ExternalTemperatureC;
        double[] iHor = climate.IrradiationKWhPerM2[0], iE = climate.IrradiationKWhPerM2[1], iS = climate.IrradiationKWhPerM2[2], iW = climate.IrradiationKWhPerM2[3], iN = climate.IrradiationKWhPerM2[4];
        double[] apHor = c.ApertureM2[0], apE = c.ApertureM2[1], apS = c.ApertureM2[2], apW = c.ApertureM2[3], apN = c.ApertureM2[4];
        for (int i = start; i < end; i++)
        {
            double area = c.ReferenceAreaM2[i];
            double h = c.TransmissionWPerK[i] + c.VentilationWPerK[i];
            if (area <= 0 || h <= 0)
            {
                heatNeedKWh[i - start] = 0;
                weightedExternalC[i - start] = double.NaN;
                continue;
            }

            double fRed = SeasonalBalance.TemperatureReductionFactor(c.TransmissionWPerK[i] / area, c.ReductionAtHtr1[i], c.ReductionAtHtr4[i]);
            double hEffKWhPerKd = fRed * h * SeasonalBalance.KWhPerWattDay;
            double a = a0 + (c.HeatCapacityWhPerK[i] / h / tau0);
            double internalKWhPerD = c.InternalGainsW[i] * SeasonalBalance.KWhPerWattDay;
            double thetaI = c.InternalTemperatureC[i];
            double need = 0, weighted = 0;
            for (int p = 0; p < periods; p++)
            {
                double loss = hEffKWhPerKd * (thetaI - thetaE[p]) * days[p];
                if (loss <= 0)
                {
                    continue;
                }

                double gains = (apHor[i] * iHor[p]) + (apE[i] * iE[p]) + (apS[i] * iS[p]) + (apW[i] * iW[p]) + (apN[i] * iN[p]) + (internalKWhPerD * days[p]);
                double q = loss - (SeasonalBalance.GainUtilisation(gains / loss, a) * gains);
                if (q > 0)
                {
                    need += q;
                    weighted += q * thetaE[p];
                }
            }

            heatNeedKWh[i - start] = need;
            weightedExternalC[i - start] = need > 0 ? weighted / need : double.NaN;
        }
    }
}
