using System.Globalization;
using Twin.Core.IO;

namespace Twin.Core.Typologies;

/// <summary>
/// A TABULA refurbishment measure (IWU table Tab.Building.Measure): insulation adds a thermal resistance
/// R_calc [m²K/W] to the element; a replacement (windows, doors) sets the element's U-value
/// (U_construction [W/(m²K)]) and, for windows, the g-value.
/// </summary>
public sealed record TabulaMeasure(string Code, string ElementType, double AddedResistanceM2KPerW, double ReplacementUWPerM2K, double WindowG, string Source)
{
    /// <summary>True for replacements (windows, doors), false for added insulation.</summary>
    public bool IsReplacement => ReplacementUWPerM2K > 0;

    /// <summary>U-value after the measure: 1/(1/U + R_add) for added insulation, U_construction for replacements (TABULA Common Calculation Method).</summary>
    public double Apply(double originalUWPerM2K) =>
        IsReplacement ? ReplacementUWPerM2K
        : originalUWPerM2K <= 0 ? 0.0
        : 1.0 / ((1.0 / originalUWPerM2K) + AddedResistanceM2KPerW);
}

/// <summary>Measures by code, read from IWU measure tables (a second line of units is skipped) and supplement files with the same columns.</summary>
public sealed class TabulaMeasureCatalog
{
    private readonly Dictionary<string, TabulaMeasure> _byCode;

    private TabulaMeasureCatalog(Dictionary<string, TabulaMeasure> byCode) => _byCode = byCode;

    /// <summary>Number of measures.</summary>
    public int Count => _byCode.Count;

    /// <summary>The measure with this code.</summary>
    public bool TryGet(string code, out TabulaMeasure measure) => _byCode.TryGetValue(code, out measure!);

    /// <summary>Later files override earlier ones for the same code.</summary>
    public static TabulaMeasureCatalog Load(params string[] paths)
    {
        var byCode = new Dictionary<string, TabulaMeasure>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            CsvTable t = CsvTable.Read(path);
            foreach (string column in new[] { "Code_Measure", "Code_ElementType", "U_construction", "g_gl_n", "R_calc" })
            {
                if (!t.Has(column))
                {
                    throw new InvalidDataException($"{path}: column '{column}' is missing; expected the IWU TABULA measure table layout (Tab.Building.Measure).");
                }
            }

            foreach (string[] row in t.Rows)
            {
                string code = t.Get(row, "Code_Measure");
                if (code.Length == 0 || code.StartsWith('['))
                {
                    continue; // the unit line of IWU extracts
                }

                string source = t.Has("Source") ? t.Get(row, "Source") : $"IWU tabula-values ({Path.GetFileName(path)})";
                byCode[code] = new TabulaMeasure(code, t.Get(row, "Code_ElementType"), t.GetDouble(row, "R_calc"), t.GetDouble(row, "U_construction"), t.GetDouble(row, "g_gl_n"), source);
            }
        }

        return new TabulaMeasureCatalog(byCode);
    }

    /// <summary>"N TABULA measures".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} TABULA measures");
}
