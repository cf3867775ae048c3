using System.Runtime.Intrinsics;
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

    /// <summary>Reference time constant τ_H,0 = 15 h of the monthly method (EN ISO 13790:2008 §12.2.1.1): a_H = a_H,0 + τ/τ_H,0.</summary>
    public const double MonthlyTau0H = 15.0;

    /// <summary>
    /// Annual heating need [kWh/a] and the need-weighted mean external temperature [°C] (the effective
    /// source temperature of an air-source heat pump) for buildings [start, end).
    /// </summary>
    public static void Run(ThermalColumns c, PeriodClimate climate, int start, int end, Span<double> heatNeedKWh, Span<double> weightedExternalC)
    {
        int vectorEnd = start;
        if (Vector256.IsHardwareAccelerated)
        {
            vectorEnd = start + ((end - start) / Vector256<double>.Count * Vector256<double>.Count);
            RunVector(c, climate, start, vectorEnd, heatNeedKWh, weightedExternalC);
        }

        RunScalar(c, climate, vectorEnd, end, heatNeedKWh[(vectorEnd - start)..], weightedExternalC[(vectorEnd - start)..]);
    }

    /// <summary>The scalar reference: one building at a time, <see cref="SeasonalBalance.GainUtilisation"/> with Math.Pow.</summary>
    public static void RunScalar(ThermalColumns c, PeriodClimate climate, int start, int end, Span<double> heatNeedKWh, Span<double> weightedExternalC)
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

    /// <summary>
    /// The same balance four buildings at a time (AVX2): γ^a = exp(a·ln γ) once per period, γ^(a+1) = γ^a·γ,
    /// branches as masks. Agrees with <see cref="RunScalar"/> to ~1e-12 relative (tested).
    /// </summary>
    private static void RunVector(ThermalColumns c, PeriodClimate climate, int start, int end, Span<double> heatNeedKWh, Span<double> weightedExternalC)
    {
        double a0 = climate.IsSeasonal ? SeasonalBalance.UtilisationA0 : MonthlyA0;
        double tau0 = climate.IsSeasonal ? SeasonalBalance.UtilisationTau0H : MonthlyTau0H;
        int periods = climate.Periods;
        double[] days = climate.Days, thetaE = climate.ExternalTemperatureC;
        double[][] irr = climate.IrradiationKWhPerM2;
        Vector256<double> zero = Vector256<double>.Zero, one = Vector256<double>.One;
        Vector256<double> kwhPerWattDay = Vector256.Create(SeasonalBalance.KWhPerWattDay);
        for (int i = start; i < end; i += Vector256<double>.Count)
        {
            Vector256<double> area = Vector256.Create(c.ReferenceAreaM2.AsSpan(i));
            Vector256<double> hTr = Vector256.Create(c.TransmissionWPerK.AsSpan(i));
            Vector256<double> h = hTr + Vector256.Create(c.VentilationWPerK.AsSpan(i));
            Vector256<double> valid = Vector256.GreaterThan(area, zero) & Vector256.GreaterThan(h, zero);
            Vector256<double> safeArea = Vector256.ConditionalSelect(valid, area, one), safeH = Vector256.ConditionalSelect(valid, h, one);

            // F_red: three linear pieces of h_tr per m² (see SeasonalBalance.TemperatureReductionFactor).
            Vector256<double> htr = hTr / safeArea;
            Vector256<double> f1 = Vector256.Create(c.ReductionAtHtr1.AsSpan(i)), f4 = Vector256.Create(c.ReductionAtHtr4.AsSpan(i));
            Vector256<double> low = f1 + ((one - f1) * (one - htr) * Vector256.Create(2.0));
            Vector256<double> mid = f1 + ((f4 - f1) * (htr - one) * Vector256.Create(1.0 / 3.0));
            Vector256<double> fRed = Vector256.ConditionalSelect(Vector256.LessThan(htr, one), low, Vector256.ConditionalSelect(Vector256.LessThan(htr, Vector256.Create(4.0)), mid, f4));
            Vector256<double> hEff = fRed * safeH * kwhPerWattDay;
            Vector256<double> a = Vector256.Create(a0) + (Vector256.Create(c.HeatCapacityWhPerK.AsSpan(i)) / safeH / Vector256.Create(tau0));
            Vector256<double> internalPerDay = Vector256.Create(c.InternalGainsW.AsSpan(i)) * kwhPerWattDay;
            Vector256<double> thetaI = Vector256.Create(c.InternalTemperatureC.AsSpan(i));
            Vector256<double> apHor = Vector256.Create(c.ApertureM2[0].AsSpan(i)), apE = Vector256.Create(c.ApertureM2[1].AsSpan(i)), apS = Vector256.Create(c.ApertureM2[2].AsSpan(i)), apW = Vector256.Create(c.ApertureM2[3].AsSpan(i)), apN = Vector256.Create(c.ApertureM2[4].AsSpan(i));
            Vector256<double> need = zero, weighted = zero;
            for (int p = 0; p < periods; p++)
            {
                Vector256<double> d = Vector256.Create(days[p]);
                Vector256<double> loss = hEff * (thetaI - Vector256.Create(thetaE[p])) * d;
                Vector256<double> gains = (apHor * irr[0][p]) + (apE * irr[1][p]) + (apS * irr[2][p]) + (apW * irr[3][p]) + (apN * irr[4][p]) + (internalPerDay * d);
                Vector256<double> heating = Vector256.GreaterThan(loss, zero);
                Vector256<double> gamma = gains / Vector256.ConditionalSelect(heating, loss, one);
                Vector256<double> positive = Vector256.GreaterThan(gamma, zero);
                Vector256<double> ga = Vector256.Exp(a * Vector256.Log(Vector256.ConditionalSelect(positive, gamma, one)));
                Vector256<double> eta = (one - ga) / (one - (ga * gamma));
                Vector256<double> nearOne = Vector256.LessThan(Vector256.Abs(gamma - one), Vector256.Create(1e-12));
                eta = Vector256.ConditionalSelect(nearOne, a / (a + one), eta);
                eta = Vector256.ConditionalSelect(positive, eta, one);
                Vector256<double> q = loss - (eta * gains);
                q = Vector256.ConditionalSelect(heating & Vector256.GreaterThan(q, zero), q, zero);
                need += q;
                weighted += q * thetaE[p];
            }

            need = Vector256.ConditionalSelect(valid, need, zero);
            Vector256<double> mean = Vector256.ConditionalSelect(Vector256.GreaterThan(need, zero), weighted / Vector256.ConditionalSelect(Vector256.GreaterThan(need, zero), need, one), Vector256.Create(double.NaN));
            need.CopyTo(heatNeedKWh[(i - start)..]);
            mean.CopyTo(weightedExternalC[(i - start)..]);
        }
    }
}
