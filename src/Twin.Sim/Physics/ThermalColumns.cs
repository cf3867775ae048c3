namespace Twin.Sim.Physics;

/// <summary>
/// Per-building thermal parameters as columns (index = building), the input of <see cref="BalanceKernel"/>.
/// Structure-of-arrays so the kernel streams through exactly the quantities it needs.
/// </summary>
public sealed class ThermalColumns
{
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

    public int Count { get; }

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

    public double[] InternalTemperatureC { get; }

    public double[] ReductionAtHtr1 { get; }

    public double[] ReductionAtHtr4 { get; }

    /// <summary>Fills building <paramref name="i"/> from a TABULA building description.</summary>
    public void Set(int i, TabulaBuilding b)
    {
        double area = b.ReferenceAreaM2;
        ReferenceAreaM2[i] = area;
        TransmissionWPerK[i] = b.TransmissionWPerM2K() * area;
        VentilationWPerK[i] = SeasonalBalance.VentilationWPerM2K(b.AirChangeUsePerH, b.AirChangeInfiltrationPerH, b.RoomHeightM) * area;
        double common = (1.0 - b.FrameFraction) * b.NonPerpendicularFactor * b.EffectiveWindowG();
        ApertureM2[0][i] = b.ShadingHorizontal * common * b.WindowAreaByOrientationM2[0];
        for (int o = 1; o < 5; o++)
        {
            ApertureM2[o][i] = b.ShadingVertical * common * b.WindowAreaByOrientationM2[o];
        }

        InternalGainsW[i] = b.InternalGainsWPerM2 * area;
        HeatCapacityWhPerK[i] = b.HeatCapacityWhPerM2K * area;
        InternalTemperatureC[i] = b.InternalTemperatureC;
        ReductionAtHtr1[i] = b.ReductionFactorAtHtr1;
        ReductionAtHtr4[i] = b.ReductionFactorAtHtr4;
    }
}
