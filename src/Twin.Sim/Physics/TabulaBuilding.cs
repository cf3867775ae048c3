using System.Globalization;

namespace Twin.Sim.Physics;

/// <summary>The ten envelope elements of a TABULA building, in TABULA's column-name order.</summary>
public enum TabulaElement
{
    /// <summary>Roof 1 (TABULA A_Calc_Roof_1).</summary>
    Roof1,
    /// <summary>Roof 2.</summary>
    Roof2,
    /// <summary>Wall 1.</summary>
    Wall1,
    /// <summary>Wall 2.</summary>
    Wall2,
    /// <summary>Wall 3.</summary>
    Wall3,
    /// <summary>Floor 1.</summary>
    Floor1,
    /// <summary>Floor 2.</summary>
    Floor2,
    /// <summary>Window 1.</summary>
    Window1,
    /// <summary>Window 2.</summary>
    Window2,
    /// <summary>Door 1.</summary>
    Door1,
}

/// <summary>
/// A TABULA building described by the input columns of a TABULA calculator export (EPISCOPE
/// "Calc.Set.Building" layout): element areas, U-values and temperature-adjustment factors, thermal
/// bridging, air change, window areas by orientation with g-values, climate and boundary conditions.
/// Only inputs are read; published intermediate results (h_Transmission, q_ht, …) are never used.
/// Mutable arrays so measures can be applied to a copy (<see cref="Clone"/>).
/// </summary>
public sealed class TabulaBuilding
{
    /// <summary>The element suffixes of TABULA's column names, in <see cref="TabulaElement"/> order.</summary>
    public static readonly IReadOnlyList<string> ElementNames = ["Roof_1", "Roof_2", "Wall_1", "Wall_2", "Wall_3", "Floor_1", "Floor_2", "Window_1", "Window_2", "Door_1"];

    /// <summary>Orientations of TABULA's window-area and irradiation columns.</summary>
    public static readonly IReadOnlyList<string> Orientations = ["Horizontal", "East", "South", "West", "North"];

    private static readonly string[] IrradiationColumns = ["I_Sol_Hor", "I_Sol_East", "I_Sol_South", "I_Sol_West", "I_Sol_North"];

    /// <summary>TABULA building-variant code.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>Reference floor area A_C_Ref [m²].</summary>
    public double ReferenceAreaM2 { get; set; }

    /// <summary>Area of each element [m²].</summary>
    public double[] AreaM2 { get; init; } = new double[10];

    /// <summary>U-value of each element [W/(m²K)].</summary>
    public double[] UWPerM2K { get; init; } = new double[10];

    /// <summary>Temperature-adjustment factor b of each element [-] (EN ISO 13789 §6).</summary>
    public double[] AdjustmentFactor { get; init; } = new double[10];

    /// <summary>Normal-incidence total solar energy transmittance of windows 1 and 2 (g_gl_n) [-].</summary>
    public double[] WindowG { get; init; } = new double[2];

    /// <summary>Window area by orientation: horizontal, east, south, west, north [m²].</summary>
    public double[] WindowAreaByOrientationM2 { get; init; } = new double[5];

    /// <summary>Thermal-bridge surcharge ΔU_tb applied to the whole envelope area [W/(m²K)].</summary>
    public double ThermalBridgeWPerM2K { get; set; }

    /// <summary>Air change from use n_air,use [1/h].</summary>
    public double AirChangeUsePerH { get; set; }

    /// <summary>Air change by infiltration n_air,infiltration [1/h].</summary>
    public double AirChangeInfiltrationPerH { get; set; }

    /// <summary>Room height h_room [m] (ventilated volume = A_C_Ref × h_room).</summary>
    public double RoomHeightM { get; set; }

    /// <summary>Internal set-point θ_i [°C].</summary>
    public double InternalTemperatureC { get; set; }

    /// <summary>Mean external temperature of the heating season θ_e [°C].</summary>
    public double ExternalTemperatureC { get; set; }

    /// <summary>Length of the heating season [d].</summary>
    public double HeatingDays { get; set; }

    /// <summary>Global irradiation on horizontal, east, south, west, north surfaces over the heating season [kWh/(m²·a)].</summary>
    public double[] IrradiationKWhPerM2 { get; init; } = new double[5];

    /// <summary>Internal heat sources φ_int [W/m²].</summary>
    public double InternalGainsWPerM2 { get; set; }

    /// <summary>Internal heat capacity c_m [Wh/(m²K)].</summary>
    public double HeatCapacityWhPerM2K { get; set; }

    /// <summary>TABULA reduction factor F_red at h_tr = 1 W/(m²K) (night set-back, heated-area share).</summary>
    public double ReductionFactorAtHtr1 { get; set; }

    /// <summary>TABULA reduction factor F_red at h_tr = 4 W/(m²K).</summary>
    public double ReductionFactorAtHtr4 { get; set; }

    /// <summary>Shading reduction factors for horizontal and vertical windows F_sh [-].</summary>
    public double ShadingHorizontal { get; set; }

    /// <summary>Shading reduction factor of vertical windows F_sh,vert [-].</summary>
    public double ShadingVertical { get; set; }

    /// <summary>Frame area fraction F_f [-].</summary>
    public double FrameFraction { get; set; }

    /// <summary>Correction for non-perpendicular incidence F_w [-].</summary>
    public double NonPerpendicularFactor { get; set; }

    /// <summary>Reads the input columns of one TABULA calculator row (column name → text; empty/non-numeric = 0).</summary>
    public static TabulaBuilding FromRow(IReadOnlyDictionary<string, string> row)
    {
        double Get(string column, double fallback = 0.0) =>
            row.TryGetValue(column, out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : fallback;

        var b = new TabulaBuilding
        {
            Code = row.TryGetValue("Code_BuildingVariant", out string? code) ? code : string.Empty,
            ReferenceAreaM2 = Get("A_C_Ref"),
            ThermalBridgeWPerM2K = Get("delta_U_ThermalBridging"),
            AirChangeUsePerH = Get("n_air_use"),
            AirChangeInfiltrationPerH = Get("n_air_infiltration"),
            RoomHeightM = Get("h_room"),
            InternalTemperatureC = Get("theta_i"),
            ExternalTemperatureC = Get("Theta_e"),
            HeatingDays = Get("HeatingDays"),
            InternalGainsWPerM2 = Get("phi_int"),
            HeatCapacityWhPerM2K = Get("c_m"),
            ReductionFactorAtHtr1 = Get("F_red_htr1"),
            ReductionFactorAtHtr4 = Get("F_red_htr4"),
            ShadingHorizontal = Get("F_sh_hor"),
            ShadingVertical = Get("F_sh_vert"),
            FrameFraction = Get("F_f"),
            NonPerpendicularFactor = Get("F_w"),
        };
        for (int e = 0; e < 10; e++)
        {
            string name = ElementNames[e];
            b.AreaM2[e] = Get("A_Calc_" + name);
            b.UWPerM2K[e] = Get("U_Actual_" + name);
            // TABULA exports have no b column for windows and doors: they face outdoor air, b = 1 (EN ISO 13789 §6).
            b.AdjustmentFactor[e] = Get("b_Transmission_" + name, fallback: 1.0);
        }

        // A window with a refurbishment measure in this state (Code_Measure_Window_k set) has the measure's g-value
        // (g_gl_n_Measure_Window_k), else the original one (TABULA calculator convention, as in the export's g_gl_n).
        for (int w = 0; w < 2; w++)
        {
            string k = (w + 1).ToString(CultureInfo.InvariantCulture);
            bool measured = row.TryGetValue("Code_Measure_Window_" + k, out string? m) && m.Length > 0 && m != "0";
            b.WindowG[w] = measured ? Get("g_gl_n_Measure_Window_" + k) : Get("g_gl_n_Window_" + k);
        }
        for (int o = 0; o < 5; o++)
        {
            b.WindowAreaByOrientationM2[o] = Get("A_Calc_Window_" + Orientations[o]);
            b.IrradiationKWhPerM2[o] = Get(IrradiationColumns[o]);
        }

        return b;
    }

    /// <summary>A deep copy (measures change the copy, not the original).</summary>
    public TabulaBuilding Clone() => new()
    {
        Code = Code,
        ReferenceAreaM2 = ReferenceAreaM2,
        AreaM2 = (double[])AreaM2.Clone(),
        UWPerM2K = (double[])UWPerM2K.Clone(),
        AdjustmentFactor = (double[])AdjustmentFactor.Clone(),
        WindowG = (double[])WindowG.Clone(),
        WindowAreaByOrientationM2 = (double[])WindowAreaByOrientationM2.Clone(),
        ThermalBridgeWPerM2K = ThermalBridgeWPerM2K,
        AirChangeUsePerH = AirChangeUsePerH,
        AirChangeInfiltrationPerH = AirChangeInfiltrationPerH,
        RoomHeightM = RoomHeightM,
        InternalTemperatureC = InternalTemperatureC,
        ExternalTemperatureC = ExternalTemperatureC,
        HeatingDays = HeatingDays,
        IrradiationKWhPerM2 = (double[])IrradiationKWhPerM2.Clone(),
        InternalGainsWPerM2 = InternalGainsWPerM2,
        HeatCapacityWhPerM2K = HeatCapacityWhPerM2K,
        ReductionFactorAtHtr1 = ReductionFactorAtHtr1,
        ReductionFactorAtHtr4 = ReductionFactorAtHtr4,
        ShadingHorizontal = ShadingHorizontal,
        ShadingVertical = ShadingVertical,
        FrameFraction = FrameFraction,
        NonPerpendicularFactor = NonPerpendicularFactor,
    };

    /// <summary>H_tr / A_C_Ref = (Σ A·U·b + ΔU_tb·Σ A) / A_C_Ref [W/(m²K)] (TABULA; EN ISO 13789 §5–6 with b factors).</summary>
    public double TransmissionWPerM2K()
    {
        double h = 0, envelope = 0;
        for (int e = 0; e < 10; e++)
        {
            h += AreaM2[e] * UWPerM2K[e] * AdjustmentFactor[e];
            envelope += AreaM2[e];
        }

        return (h + (ThermalBridgeWPerM2K * envelope)) / ReferenceAreaM2;
    }

    /// <summary>Area-weighted g-value of windows 1 and 2 (TABULA g_gl_n) [-].</summary>
    public double EffectiveWindowG()
    {
        double a1 = AreaM2[(int)TabulaElement.Window1], a2 = AreaM2[(int)TabulaElement.Window2];
        return a1 + a2 > 0 ? ((a1 * WindowG[0]) + (a2 * WindowG[1])) / (a1 + a2) : 0.0;
    }

    /// <summary>Solar gains over the heating season per m² A_C_Ref [kWh/(m²·a)] (EN ISO 13790 §11.3; TABULA reduction factors).</summary>
    public double SolarGainsKWhPerM2()
    {
        double common = (1.0 - FrameFraction) * NonPerpendicularFactor * EffectiveWindowG();
        double q = ShadingHorizontal * common * WindowAreaByOrientationM2[0] * IrradiationKWhPerM2[0];
        for (int o = 1; o < 5; o++)
        {
            q += ShadingVertical * common * WindowAreaByOrientationM2[o] * IrradiationKWhPerM2[o];
        }

        return q / ReferenceAreaM2;
    }

    /// <summary>The per-m² inputs of the seasonal balance.</summary>
    public SeasonalBalanceInputs ToBalanceInputs() => new()
    {
        TransmissionWPerM2K = TransmissionWPerM2K(),
        VentilationWPerM2K = SeasonalBalance.VentilationWPerM2K(AirChangeUsePerH, AirChangeInfiltrationPerH, RoomHeightM),
        ReductionFactorAtHtr1 = ReductionFactorAtHtr1,
        ReductionFactorAtHtr4 = ReductionFactorAtHtr4,
        InternalTemperatureC = InternalTemperatureC,
        ExternalTemperatureC = ExternalTemperatureC,
        HeatingDays = HeatingDays,
        SolarGainsKWhPerM2 = SolarGainsKWhPerM2(),
        InternalGainsWPerM2 = InternalGainsWPerM2,
        HeatCapacityWhPerM2K = HeatCapacityWhPerM2K,
    };

    /// <summary>The seasonal energy need for heating (TABULA's q_h_nd).</summary>
    public SeasonalBalanceResult HeatNeed() => SeasonalBalance.Compute(ToBalanceInputs());
}
