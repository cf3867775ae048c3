using System.Globalization;
using Twin.Core.Typologies;
using Twin.Sim.Physics;

namespace Twin.Sim.Renovation;

/// <summary>How a variant's element got its new U-value (for the verification report).</summary>
public sealed record AppliedMeasure(string Element, string Code, double UBeforeWPerM2K, double UAfterWPerM2K, string Source);

/// <summary>
/// Applies a TABULA refurbishment variant (its measure codes per element, refurbished thermal-bridge
/// surcharge and infiltration) to a building's existing state, using the measures' own parameters
/// (added resistance or replacement U and g) — the way the TABULA calculator derives its "usual" and
/// "advanced" variants.
/// </summary>
public static class TabulaRefurbishment
{
    /// <summary>The existing building with the variant row's measures applied, and the measures with their elements.</summary>
    public static (TabulaBuilding Building, IReadOnlyList<AppliedMeasure> Measures) Apply(TabulaBuilding existing, IReadOnlyDictionary<string, string> variantRow, TabulaMeasureCatalog catalog)
    {
        TabulaBuilding b = existing.Clone();
        var applied = new List<AppliedMeasure>();
        for (int e = 0; e < TabulaBuilding.ElementNames.Count; e++)
        {
            string name = TabulaBuilding.ElementNames[e];
            string? code = MeasureCode(variantRow, name);
            if (code is null || b.AreaM2[e] <= 0)
            {
                continue;
            }

            if (!catalog.TryGet(code, out TabulaMeasure measure))
            {
                throw new InvalidDataException($"variant {Text(variantRow, "Code_BuildingVariant")}: measure '{code}' on {name} is not in the measure catalog; add it to a measure table (IWU layout).");
            }

            double before = b.UWPerM2K[e];
            b.UWPerM2K[e] = measure.Apply(before);
            if (measure.IsReplacement && name.StartsWith("Window", StringComparison.Ordinal) && measure.WindowG > 0)
            {
                b.WindowG[name == "Window_1" ? 0 : 1] = measure.WindowG;
            }

            applied.Add(new AppliedMeasure(name, code, before, b.UWPerM2K[e], measure.Source));
        }

        b.ThermalBridgeWPerM2K = Number(variantRow, "delta_U_ThermalBridging_Actual") ?? Number(variantRow, "delta_U_ThermalBridging_Refurbished") ?? b.ThermalBridgeWPerM2K;
        b.AirChangeInfiltrationPerH = Number(variantRow, "n_air_infiltration") ?? b.AirChangeInfiltrationPerH;
        return (b, applied);
    }

    /// <summary>
    /// The measure code for an element: its own column (Code_Measure_Wall_2), else — for second and third
    /// elements of a kind when the file only lists the first (as the transcribed PL variants do) — the first's.
    /// </summary>
    private static string? MeasureCode(IReadOnlyDictionary<string, string> row, string element)
    {
        if (row.TryGetValue("Code_Measure_" + element, out string? own))
        {
            return own.Length > 0 && own != "0" ? own : null;
        }

        string first = element[..^1] + "1";
        return row.TryGetValue("Code_Measure_" + first, out string? c) && c.Length > 0 && c != "0" ? c : null;
    }

    private static double? Number(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;

    private static string Text(IReadOnlyDictionary<string, string> row, string column) => row.TryGetValue(column, out string? s) ? s : "?";
}
