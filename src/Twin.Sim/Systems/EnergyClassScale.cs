namespace Twin.Sim.Systems;

/// <summary>The quantity an energy-class scale reads.</summary>
public enum ClassBasis
{
    /// <summary>Final (delivered) energy per m² of reference floor area.</summary>
    FinalEnergy,

    /// <summary>Non-renewable primary energy EP per m².</summary>
    PrimaryEnergy,
}

/// <summary>
/// Energy-performance classes by final energy per m² of reference floor area, best class first, each with its
/// upper bound [kWh/(m²a)]; the last class is open-ended. The shipped default is the German GEG 2020 Anlage 10
/// (formerly EnEV 2014 Anlage 10) residential scale, because Poland has no statutory letter scale yet
/// (EPBD (EU) 2024/1275 Art. 19 requires one); it is data, replaceable per run.
/// </summary>
public sealed record EnergyClassScale(string Name, IReadOnlyList<string> Classes, IReadOnlyList<double> UpperBoundsKWhPerM2)
{
    /// <summary>What the bounds are read against: final energy per m² (GEG) or non-renewable primary energy EP per m² (Polish EPC).</summary>
    public ClassBasis Basis { get; init; } = ClassBasis.FinalEnergy;

    /// <summary>Bounds for particular size classes (e.g. single- and multi-family buildings have their own), same classes; others use <see cref="UpperBoundsKWhPerM2"/>.</summary>
    public IReadOnlyDictionary<Twin.Core.Stock.SizeClass, IReadOnlyList<double>> BoundsBySizeClass { get; init; } = new Dictionary<Twin.Core.Stock.SizeClass, IReadOnlyList<double>>();

    /// <summary>The bounds that apply to a building of <paramref name="size"/>.</summary>
    public IReadOnlyList<double> BoundsFor(Twin.Core.Stock.SizeClass size) => BoundsBySizeClass.TryGetValue(size, out IReadOnlyList<double>? b) ? b : UpperBoundsKWhPerM2;

    /// <summary>The class of a value per m² for a building of <paramref name="size"/>.</summary>
    public string ClassOf(double kWhPerM2, Twin.Core.Stock.SizeClass size) => Classes[IndexOf(kWhPerM2, BoundsFor(size))];

    /// <summary>GEG 2020 Anlage 10: A+ &lt; 30, A &lt; 50, B &lt; 75, C &lt; 100, D &lt; 130, E &lt; 160, F &lt; 200, G &lt; 250, H ≥ 250 kWh/(m²a).</summary>
    public static EnergyClassScale Geg2020 { get; } = new(
        "GEG 2020 Anlage 10 (final energy, residential)",
        ["A+", "A", "B", "C", "D", "E", "F", "G", "H"],
        [30, 50, 75, 100, 130, 160, 200, 250]);

    /// <summary>The class of a value per m² [kWh/(m²a)] on the scale's default bounds (<see cref="UpperBoundsKWhPerM2"/>).</summary>
    public string ClassOf(double kWhPerM2) => Classes[IndexOf(kWhPerM2, UpperBoundsKWhPerM2)];

    /// <summary>Index of the first class whose upper bound exceeds the value; the last (open-ended) class otherwise.</summary>
    private int IndexOf(double kWhPerM2, IReadOnlyList<double> bounds)
    {
        for (int i = 0; i < bounds.Count; i++)
        {
            if (kWhPerM2 < bounds[i])
            {
                return i;
            }
        }

        return Classes.Count - 1;
    }
}
