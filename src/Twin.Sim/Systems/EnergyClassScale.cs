namespace Twin.Sim.Systems;

/// <summary>
/// Energy-performance classes by final energy per m² of reference floor area, best class first, each with its
/// upper bound [kWh/(m²a)]; the last class is open-ended. The shipped default is the German GEG 2020 Anlage 10
/// (formerly EnEV 2014 Anlage 10) residential scale, because Poland has no statutory letter scale yet
/// (EPBD (EU) 2024/1275 Art. 19 requires one); it is data, replaceable per run.
/// </summary>
public sealed record EnergyClassScale(string Name, IReadOnlyList<string> Classes, IReadOnlyList<double> UpperBoundsKWhPerM2)
{
    /// <summary>GEG 2020 Anlage 10: A+ &lt; 30, A &lt; 50, B &lt; 75, C &lt; 100, D &lt; 130, E &lt; 160, F &lt; 200, G &lt; 250, H ≥ 250 kWh/(m²a).</summary>
    public static EnergyClassScale Geg2020 { get; } = new(
        "GEG 2020 Anlage 10 (final energy, residential)",
        ["A+", "A", "B", "C", "D", "E", "F", "G", "H"],
        [30, 50, 75, 100, 130, 160, 200, 250]);

    /// <summary>Index of the class of a final energy per m² [kWh/(m²a)].</summary>
    public int IndexOf(double finalEnergyKWhPerM2)
    {
        for (int i = 0; i < UpperBoundsKWhPerM2.Count; i++)
        {
            if (finalEnergyKWhPerM2 < UpperBoundsKWhPerM2[i])
            {
                return i;
            }
        }

        return Classes.Count - 1;
    }

    /// <summary>The class of a final energy per m² [kWh/(m²a)].</summary>
    public string ClassOf(double finalEnergyKWhPerM2) => Classes[IndexOf(finalEnergyKWhPerM2)];
}
