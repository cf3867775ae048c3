using Twin.Core.Stock;
using Twin.Sim.Physics;
using Twin.Sim.Systems;

namespace Twin.Sim.Engine;

/// <summary>
/// One state (before or after renovation) of every building, as columns: envelope, heat recovery, heat
/// generator and PV size; turned into thermal columns for the kernel and into final energy per carrier.
/// </summary>
internal sealed class BuildingStates
{
    public BuildingStates(int n)
    {
        Envelope = new EnvelopeSpec[n];
        HeatRecovery = new double[n];
        Heating = new HeatingSystem[n];
        PvKwp = new double[n];
        Active = new bool[n];
        HeatingSource = new AttributeSource[n];
        RenewedYear = Enum.GetValues<EnvelopeElement>().Select(_ => new int[n]).ToArray();
        RenewalSource = Enumerable.Repeat(AttributeSource.Missing, n).ToArray();
    }

    /// <summary>Start state: observed where the stock states the heat generator, inferred where the size class's default was taken.</summary>
    public AttributeSource[] HeatingSource { get; }

    /// <summary>Start state: [element][building] renewal year as in <see cref="BuildingStock.RenewedYear"/> (stated or drawn from the default shares).</summary>
    public int[][] RenewedYear { get; }

    /// <summary>Start state: observed (the stock states it), inferred (drawn from the default shares) or missing (as built).</summary>
    public AttributeSource[] RenewalSource { get; }

    public EnvelopeSpec[] Envelope { get; }

    public double[] HeatRecovery { get; }

    public HeatingSystem[] Heating { get; }

    public double[] PvKwp { get; }

    /// <summary>False for buildings that are not simulated (no typology) or, in an "after" state, not renovated.</summary>
    public bool[] Active { get; }

    /// <summary>Thermal columns of building i: the type's boundary conditions on the building's own areas.</summary>
    public static void Fill(ThermalColumns c, int i, BuildingStock s, TypeModel t, in EnvelopeSpec e, double heatRecovery)
    {
        TabulaBuilding r = t.Reference;
        double area = s.HeatedFloorAreaM2[i];
        double windows = s.WindowNorthM2[i] + s.WindowEastM2[i] + s.WindowSouthM2[i] + s.WindowWestM2[i];
        double door = t.DoorAreaPerM2Ref * area;
        double wall = Math.Max(0, s.WallAreaM2[i] - door);
        double envelopeArea = wall + s.RoofAreaM2[i] + s.GroundFloorAreaM2[i] + windows + door;
        c.ReferenceAreaM2[i] = area;
        c.TransmissionWPerK[i] = (e.UWall * wall) + (e.URoof * s.RoofAreaM2[i]) + (e.UFloor * s.GroundFloorAreaM2[i]) + (e.UWindow * windows) + (e.UDoor * door) + (e.ThermalBridge * envelopeArea);

        // Heat recovery reduces the use-related air change only (EN ISO 13790 §9.3: (1 − η_hr) on the supply air flow).
        double airChange = (r.AirChangeUsePerH * (1.0 - heatRecovery)) + e.InfiltrationPerH;
        c.VentilationWPerK[i] = SeasonalBalance.AirHeatCapacityWhPerM3K * airChange * r.RoomHeightM * area;
        // Footprints give no roof windows: the horizontal aperture is zero. Only the type's oriented share of the window
        // area receives solar gains, as in TABULA's own calculation (TypeModel.SolarWindowShare).
        double sun = t.SolarWindowShare;
        c.SetGainsAndConditions(i, r, area, e.WindowG, 0, sun * s.WindowEastM2[i], sun * s.WindowSouthM2[i], sun * s.WindowWestM2[i], sun * s.WindowNorthM2[i]);
    }
}

/// <summary>Annual final energy of one building state for all buildings, as columns: per carrier [kWh/a], PV generation and the heat figures behind it.</summary>
internal sealed class EnergyColumns
{
    public EnergyColumns(int n)
    {
        HeatNeedKWh = new double[n];
        HotWaterKWh = new double[n];
        DesignLoadKw = new double[n];
        SeasonalCop = new double[n];
        PvKWh = new double[n];
        ConsumptionFactor = new double[n];
        HeatedCarrier = new int[n];
        ByCarrierKWh = Enum.GetValues<Carrier>().Select(_ => new double[n]).ToArray();
    }

    public double[] HeatNeedKWh { get; }

    public double[] HotWaterKWh { get; }

    public double[] DesignLoadKw { get; }

    /// <summary>Heat delivered per kWh of electricity for heat pumps (space heating + hot water); NaN for other generators.</summary>
    public double[] SeasonalCop { get; }

    public double[] PvKWh { get; }

    /// <summary>Factor applied to the calculated delivered energy for heating and hot water (<see cref="ConsumptionCalibration"/>; 1 = standard use).</summary>
    public double[] ConsumptionFactor { get; }

    /// <summary>The carrier (index) that heats the building, the one <see cref="ConsumptionFactor"/> applies to.</summary>
    public int[] HeatedCarrier { get; }

    /// <summary>
    /// Final energy of carrier <paramref name="c"/> at TABULA's standard use [kWh/a] — without the calibration to measured
    /// consumption, as an energy performance certificate calculates it (EP and classes use this; savings use the calibrated).
    /// </summary>
    public double StandardKWh(int c, int i) => c == HeatedCarrier[i] && ConsumptionFactor[i] > 0 ? ByCarrierKWh[c][i] / ConsumptionFactor[i] : ByCarrierKWh[c][i];

    /// <summary>
    /// Non-renewable primary energy at standard use [kWh/a]: Σ <see cref="StandardKWh"/> × f_p of each carrier, less the PV used on
    /// site (the self-consumption share, at most the standard-use electricity) × f_p of electricity; exported PV does not count.
    /// </summary>
    public double PrimaryKWh(int i, double[] primaryFactors, double selfShare)
    {
        double sum = 0;
        for (int c = 0; c < ByCarrierKWh.Length; c++)
        {
            sum += StandardKWh(c, i) * primaryFactors[c];
        }

        int el = (int)Carrier.Electricity;
        return sum - (Math.Min(PvKWh[i] * selfShare, StandardKWh(el, i)) * primaryFactors[el]);
    }

    /// <summary>The value per m² an energy-class scale reads for building i [kWh/(m²a)]: EP or standard-use final energy, by the scale's basis.</summary>
    public double ClassValue(int i, double areaM2, EnergyClassScale scale, double[] primaryFactors, double selfShare) =>
        (scale.Basis == ClassBasis.PrimaryEnergy ? PrimaryKWh(i, primaryFactors, selfShare) : StandardFinalKWh(i)) / areaM2;

    /// <summary>Σ <see cref="StandardKWh"/> over the carriers [kWh/a].</summary>
    public double StandardFinalKWh(int i)
    {
        double sum = 0;
        for (int c = 0; c < ByCarrierKWh.Length; c++)
        {
            sum += StandardKWh(c, i);
        }

        return sum;
    }

    /// <summary>[carrier][building] final energy [kWh/a].</summary>
    public double[][] ByCarrierKWh { get; }

    public double FinalKWh(int i)
    {
        double sum = 0;
        foreach (double[] c in ByCarrierKWh)
        {
            sum += c[i];
        }

        return sum;
    }

    public void Compute(SimulationData d, ThermalColumns c, int i, double heatNeedKWh, double weightedExternalC, TypeModel type, HeatingSystem system, double pvKwp)
    {
        double area = c.ReferenceAreaM2[i];
        double hotWater = type.HotWaterKWhPerM2 * area;
        double designLoadW = (c.TransmissionWPerK[i] + c.VentilationWPerK[i]) * (c.InternalTemperatureC[i] - d.Climate.DesignTemperatureC);
        foreach (double[] carrier in ByCarrierKWh)
        {
            carrier[i] = 0;
        }

        HeatingSystemSpec spec = d.HeatingSystems[system];
        double cop = double.NaN;
        if (system is HeatingSystem.AirHeatPump or HeatingSystem.GroundHeatPump)
        {
            double source = system == HeatingSystem.GroundHeatPump ? HeatPump.GroundSourceTemperatureC
                : double.IsFinite(weightedExternalC) ? weightedExternalC : d.Climate.ExternalTemperatureC.Average();
            double flow = HeatPump.FlowTemperatureC(area > 0 ? designLoadW / area : 0);
            double electricity = (heatNeedKWh / HeatPump.Cop(system, source, flow)) + (hotWater / HeatPump.Cop(system, source, HeatPump.HotWaterSupplyTemperatureC));
            ByCarrierKWh[(int)Carrier.Electricity][i] = electricity;
            cop = electricity > 0 ? (heatNeedKWh + hotWater) / electricity : double.NaN;
        }
        else
        {
            ByCarrierKWh[(int)spec.Carrier][i] = (heatNeedKWh + hotWater) / spec.SeasonalEfficiency;
        }

        // Measured consumption instead of standard use (TABULA Tab.CalcAdapt): the curve is read at the calculated delivered
        // energy, or at the generated heat for heat pumps, per m² of reference area; heat need stays the physics result.
        int heated = system is HeatingSystem.AirHeatPump or HeatingSystem.GroundHeatPump ? (int)Carrier.Electricity : (int)spec.Carrier;
        double factor = area > 0 ? d.Calibration.Factor(system, type.Code, ByCarrierKWh[heated][i] / area, (heatNeedKWh + hotWater) / area) : 1.0;
        ByCarrierKWh[heated][i] *= factor;
        ConsumptionFactor[i] = factor;
        HeatedCarrier[i] = heated;

        double pv = pvKwp * d.Costs["pv_specific_yield"]; // measured Polish rooftop yield, unit_costs.csv
        HeatNeedKWh[i] = heatNeedKWh;
        HotWaterKWh[i] = hotWater;
        DesignLoadKw[i] = designLoadW / 1000.0;
        SeasonalCop[i] = cop;
        PvKWh[i] = double.IsFinite(pv) ? pv : 0;
    }
}
