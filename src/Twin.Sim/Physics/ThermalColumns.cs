namespace Twin.Sim.Physics;

/// <summary>
/// Per-building thermal parameters as columns (index = building), the input of <see cref="BalanceKernel"/>.
/// Structure-of-arrays so the kernel streams through exactly the quantities it needs.
/// </summary>
public sealed class ThermalColumns
{
    /// <summary>Columns for <paramref name="count"/> buildings.</summary>
    public ThermalColumns(int count)
    {
        Count = count;
        ReferenceAreaM2 = new double[count];
        TransmissionWPerK = new double[count];
        VentilationWPerK = new double[count];
        ApertureM2 = [new double[count], new double[count], new double[count], new double[count], new double[count]];
        InternalGainsW = new double[count];
        HeatCapacityWhPerK = new double[count];
        InternalTemperatureC = new double[count];
        ReductionAtHtr1 = new double[count];
        ReductionAtHtr4 = new double[count];
    }

    /// <summary>Number of buildings.</summary>
    public int Count { get; }

    /// <summary>Reference floor area A_C_Ref [m²].</summary>
    public double[] ReferenceAreaM2 { get; }

    /// <summary>H_tr incl. thermal bridges and b-factors [W/K].</summary>
    public double[] TransmissionWPerK { get; }

    /// <summary>H_ve [W/K].</summary>
    public double[] VentilationWPerK { get; }

    /// <summary>Effective solar collecting area per orientation (hor, E, S, W, N): F_sh·(1−F_f)·F_w·g·A_win [m²].</summary>
    public double[][] ApertureM2 { get; }

    /// <summary>Φ_int = φ_int · A_C_Ref [W].</summary>
    public double[] InternalGainsW { get; }

    /// <summary>C_m = c_m · A_C_Ref [Wh/K].</summary>
    public double[] HeatCapacityWhPerK { get; }

    /// <summary>Internal set-point θ_i [°C].</summary>
    public double[] InternalTemperatureC { get; }

    /// <summary>TABULA reduction factor at h_tr = 1 W/(m²K).</summary>
    public double[] ReductionAtHtr1 { get; }

    /// <summary>TABULA reduction factor at h_tr = 4 W/(m²K).</summary>
    public double[] ReductionAtHtr4 { get; }

    /// <summary>Fills building <paramref name="i"/> from a TABULA building description.</summary>
    public void Set(int i, TabulaBuilding b)
    {
        double area = b.ReferenceAreaM2;
        ReferenceAreaM2[i] = area;
        TransmissionWPerK[i] = b.TransmissionWPerM2K() * area;
        VentilationWPerK[i] = SeasonalBalance.VentilationWPerM2K(b.AirChangeUsePerH, b.AirChangeInfiltrationPerH, b.RoomHeightM) * area;
        SetGainsAndConditions(i, b, area, b.EffectiveWindowG(), b.WindowAreaByOrientationM2[0], b.WindowAreaByOrientationM2[1], b.WindowAreaByOrientationM2[2], b.WindowAreaByOrientationM2[3], b.WindowAreaByOrientationM2[4]);
    }

    /// <summary>
    /// Solar apertures F_sh·(1−F_f)·F_w·g·A_win per orientation (window areas hor, E, S, W, N in m²) and the type's
    /// internal gains, heat capacity, set-point and reduction factors (from <paramref name="conditions"/>) for a building
    /// of reference area <paramref name="areaM2"/>.
    /// </summary>
    public void SetGainsAndConditions(int i, TabulaBuilding conditions, double areaM2, double windowG, double horizontalM2, double eastM2, double southM2, double westM2, double northM2)
    {
        TabulaBuilding b = conditions;
        double common = (1.0 - b.FrameFraction) * b.NonPerpendicularFactor * windowG;
        ApertureM2[0][i] = b.ShadingHorizontal * common * horizontalM2;
        ApertureM2[1][i] = b.ShadingVertical * common * eastM2;
        ApertureM2[2][i] = b.ShadingVertical * common * southM2;
        ApertureM2[3][i] = b.ShadingVertical * common * westM2;
        ApertureM2[4][i] = b.ShadingVertical * common * northM2;
        InternalGainsW[i] = b.InternalGainsWPerM2 * areaM2;
        HeatCapacityWhPerK[i] = b.HeatCapacityWhPerM2K * areaM2;
        InternalTemperatureC[i] = b.InternalTemperatureC;
        ReductionAtHtr1[i] = b.ReductionFactorAtHtr1;
        ReductionAtHtr4[i] = b.ReductionFactorAtHtr4;
    }
}
