using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Stock;

namespace Twin.Core.Typologies;

/// <summary>
/// TABULA/EPISCOPE typologies read from TABULA calculator exports: the existing-state export in the
/// column layout of the EPISCOPE "Calc.Set.Building" sheet (as in tsib's episcope.csv) and, optionally,
/// refurbishment-variant rows (same column names, fewer columns) that are joined onto their
/// building's existing state by <c>Code_Building</c>.
/// </summary>
public sealed class TypologyCatalog
{
    private static readonly string[] RequiredColumns = ["Code_BuildingVariant", "Code_Country", "Code_BuildingSizeClass", "Year1_Building", "Year2_Building", "A_C_Ref"];

    private TypologyCatalog(IReadOnlyList<Typology> types, string source)
    {
        Types = types;
        Source = source;
    }

    /// <summary>The types, in file order.</summary>
    public IReadOnlyList<Typology> Types { get; }

    /// <summary>The files the catalog was read from.</summary>
    public string Source { get; }

    /// <summary>The countries of the catalog.</summary>
    public IEnumerable<string> Countries => Types.Select(t => t.Country).Distinct(StringComparer.Ordinal);

    /// <summary>Index of the type with this full or short code, −1 when none.</summary>
    public int IndexOf(string code)
    {
        for (int i = 0; i < Types.Count; i++)
        {
            if (Types[i].Code == code || Types[i].TypeCode == code)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The type for a country, size class and construction year, preferring the national ("N") region set;
    /// −1 when the catalog has none. Years before the first class fall into the first class, years after
    /// the last into the last (TABULA's open-ended classes use 0 and 9999).
    /// </summary>
    public int Find(string country, SizeClass sizeClass, int year)
    {
        int best = -1;
        for (int i = 0; i < Types.Count; i++)
        {
            Typology t = Types[i];
            if (t.SizeClass != sizeClass || !string.Equals(t.Country, country, StringComparison.OrdinalIgnoreCase) || !t.Covers(year))
            {
                continue;
            }

            if (best < 0 || (t.Region == "N" && Types[best].Region != "N"))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Reads an existing-state export, optionally with a variants file.</summary>
    /// <exception cref="InvalidDataException">A required column is missing (named in the message).</exception>
    public static TypologyCatalog Load(string existingStatePath, string? variantsPath = null)
    {
        CsvTable existing = CsvTable.Read(existingStatePath);
        foreach (string c in RequiredColumns)
        {
            if (!existing.Has(c))
            {
                throw new InvalidDataException($"{existingStatePath}: column '{c}' is missing; expected a TABULA calculator export (layout of episcope-tabula_existing_state_all_countries_tsib.csv).");
            }
        }

        var baseRows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string[] row in existing.Rows)
        {
            var raw = ToDictionary(existing, row);
            string building = raw.TryGetValue("Code_Building", out string? b) && b.Length > 0 ? b : StripVariant(raw["Code_BuildingVariant"]);
            if (raw["Code_BuildingSizeClass"] is not ("SFH" or "TH" or "MFH" or "AB"))
            {
                continue; // TABULA rows with size class "0" are system examples, not building types
            }

            if (baseRows.TryAdd(building, raw))
            {
                order.Add(building);
            }
        }

        var variants = order.ToDictionary(b => b, b => new List<TypologyVariant> { MakeVariant(baseRows[b], 1) }, StringComparer.Ordinal);
        if (variantsPath is not null)
        {
            CsvTable vt = CsvTable.Read(variantsPath);
            foreach (string[] row in vt.Rows)
            {
                var over = ToDictionary(vt, row);
                string code = over.GetValueOrDefault("Code_BuildingVariant", string.Empty);
                string building = over.TryGetValue("Code_Building", out string? b) && b.Length > 0 ? b : StripVariant(code);
                if (!baseRows.TryGetValue(building, out Dictionary<string, string>? baseRow))
                {
                    throw new InvalidDataException($"{variantsPath}: variant {code} refers to building {building}, which is not in {existingStatePath}.");
                }

                int number = int.TryParse(over.GetValueOrDefault("Number_BuildingVariant"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : int.Parse(code[^3..], CultureInfo.InvariantCulture);
                if (number == 1)
                {
                    continue; // existing state comes from the full export
                }

                var merged = new Dictionary<string, string>(baseRow, StringComparer.Ordinal);
                foreach ((string k, string v) in over)
                {
                    merged[k] = v;
                }

                // The transcribed variants file names the actual thermal-bridge surcharge explicitly.
                if (over.TryGetValue("delta_U_ThermalBridging_Actual", out string? tb))
                {
                    merged["delta_U_ThermalBridging"] = tb;
                }

                variants[building].Add(MakeVariant(merged, number));
            }
        }

        var types = order.Select(b => MakeType(b, baseRows[b], variants[b].OrderBy(v => v.Number).ToList())).ToList();
        return new TypologyCatalog(types, variantsPath is null ? existingStatePath : $"{existingStatePath} + {variantsPath}");
    }

    private static Typology MakeType(string building, Dictionary<string, string> raw, List<TypologyVariant> variants)
    {
        TypologyVariant v = variants[0];
        string[] parts = building.Split('.');
        double wall = v.Get("A_Calc_Wall_1") + v.Get("A_Calc_Wall_2") + v.Get("A_Calc_Wall_3");
        double window = v.Get("A_Calc_Window_1") + v.Get("A_Calc_Window_2");
        double door = v.Get("A_Calc_Door_1");
        double facade = wall + window + door;
        int yearTo = (int)v.Get("Year2_Building");
        return new Typology(
            Code: building,
            TypeCode: raw.GetValueOrDefault("Code_BuildingType", string.Join('.', parts.Take(5))),
            Country: raw["Code_Country"],
            Region: parts.Length > 1 ? parts[1] : string.Empty,
            SizeClass: Enum.Parse<SizeClass>(raw["Code_BuildingSizeClass"]),
            YearFrom: (int)v.Get("Year1_Building"),
            YearTo: yearTo <= 0 ? 9999 : yearTo,
            ReferenceFloorAreaM2: v.Get("A_C_Ref"),
            GrossFloorAreaM2: v.Get("A_C_ExtDim"),
            Storeys: (int)Math.Round(v.Get("n_Storey")),
            WindowToFacadeRatio: facade > 0 ? window / facade : double.NaN,
            Variants: variants);
    }

    private static TypologyVariant MakeVariant(Dictionary<string, string> raw, int number)
    {
        string name = raw.GetValueOrDefault("Variant") is { Length: > 0 } n ? n
            : number switch { 1 => "existing_state", 2 => "usual_refurbishment", 3 => "advanced_refurbishment", _ => $"variant_{number}" };
        double q = double.TryParse(raw.GetValueOrDefault("q_h_nd"), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
        return new TypologyVariant(raw["Code_BuildingVariant"], number, name, q, raw);
    }

    private static Dictionary<string, string> ToDictionary(CsvTable table, string[] row)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < table.Header.Length && i < row.Length; i++)
        {
            if (table.Header[i].Length > 0)
            {
                d[table.Header[i]] = row[i];
            }
        }

        return d;
    }

    private static string StripVariant(string variantCode)
    {
        int dot = variantCode.LastIndexOf('.');
        return dot > 0 ? variantCode[..dot] : variantCode;
    }
}
