namespace Twin.Sim.Systems;

/// <summary>What the calibration curve of a heat generator is read at.</summary>
public enum CalibrationBasis
{
    /// <summary>The calculated delivered (final) energy for heating and hot water per m² (fuel-fired systems, district heat, direct electric).</summary>
    Delivered,

    /// <summary>The heat the generator produces per m² (heat pumps: TABULA DE.M.02 is "calibrated by generated thermal energy").</summary>
    Generated,
}

/// <summary>
/// A TABULA calculation-adaptation curve (IWU Tab.CalcAdapt): the typical ratio of measured to calculated delivered
/// energy at a calculated value of 0, 100, …, 500 kWh/(m²a), linear between the nodes and constant beyond 500.
/// </summary>
public sealed record CalibrationCurve(string Code, CalibrationBasis Basis, double[] Nodes, string Source)
{
    /// <summary>Step between the nodes [kWh/(m²a)] (TABULA's F_CalcAdapt_000 … _500).</summary>
    public const double StepKWhPerM2 = 100;

    /// <summary>The adaptation factor at a calculated value [kWh/(m²a)].</summary>
    public double At(double kWhPerM2)
    {
        if (!(kWhPerM2 > 0))
        {
            return Nodes[0];
        }

        double x = kWhPerM2 / StepKWhPerM2;
        int k = (int)Math.Floor(x);
        if (k >= Nodes.Length - 1)
        {
            return Nodes[^1];
        }

        double f = x - k;
        return Nodes[k] + (f * (Nodes[k + 1] - Nodes[k]));
    }
}

/// <summary>
/// Adapts TABULA's standard-use delivered energy to the typical level of measured consumption (the prebound effect of
/// poor buildings, the rebound of good ones), per heat generator, times an optional factor per typology fitted to meter
/// readings. Savings are then computed between calibrated states. Data: data/samples/defaults/consumption_calibration.csv.
/// </summary>
public sealed class ConsumptionCalibration
{
    private readonly Dictionary<HeatingSystem, CalibrationCurve> _curves;

    /// <summary>A calibration with one curve per heat generator and optional per-typology factors (TABULA building code → factor).</summary>
    public ConsumptionCalibration(string name, IReadOnlyDictionary<HeatingSystem, CalibrationCurve> curves, IReadOnlyDictionary<string, double>? typologyFactors = null)
    {
        Name = name;
        _curves = new Dictionary<HeatingSystem, CalibrationCurve>(curves);
        TypologyFactors = typologyFactors ?? new Dictionary<string, double>(StringComparer.Ordinal);
    }

    /// <summary>No adaptation: TABULA's standard-use result (what the TABULA verification compares).</summary>
    public static ConsumptionCalibration None { get; } = new("none (TABULA standard use)", new Dictionary<HeatingSystem, CalibrationCurve>());

    /// <summary>Where the curves come from.</summary>
    public string Name { get; }

    /// <summary>Factors fitted to meter readings per TABULA building code, applied on top of the curve (1 where absent).</summary>
    public IReadOnlyDictionary<string, double> TypologyFactors { get; }

    /// <summary>True when no curve and no typology factor is set.</summary>
    public bool IsNone => _curves.Count == 0 && TypologyFactors.Count == 0;

    /// <summary>The curve of a heat generator, if any.</summary>
    public CalibrationCurve? Curve(HeatingSystem system) => _curves.GetValueOrDefault(system);

    /// <summary>The same curves with (replaced) per-typology factors.</summary>
    public ConsumptionCalibration WithTypologyFactors(IReadOnlyDictionary<string, double> factors) => new(Name, _curves, factors);

    /// <summary>
    /// The factor on the delivered energy for heating and hot water of a building with generator <paramref name="system"/>,
    /// calculated delivered energy <paramref name="deliveredKWhPerM2"/> and generated heat <paramref name="generatedKWhPerM2"/>.
    /// </summary>
    public double Factor(HeatingSystem system, string typologyCode, double deliveredKWhPerM2, double generatedKWhPerM2)
    {
        double curve = _curves.TryGetValue(system, out CalibrationCurve? c)
            ? c.At(c.Basis == CalibrationBasis.Generated ? generatedKWhPerM2 : deliveredKWhPerM2)
            : 1.0;
        return TypologyFactors.TryGetValue(typologyCode, out double t) ? curve * t : curve;
    }
}
