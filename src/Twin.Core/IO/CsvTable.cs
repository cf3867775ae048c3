using System.Globalization;
using System.Text;

namespace Twin.Core.IO;

/// <summary>
/// A small RFC 4180 CSV reader (quoted fields, doubled quotes, embedded separators and line breaks)
/// for reference tables such as TABULA calculator exports. Values stay strings; numbers are parsed
/// on demand with the invariant culture.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;

    private CsvTable(string source, string[] header, List<string[]> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            _index.TryAdd(header[i], i);
        }
    }

    /// <summary>The file (or source name) the table was read from, for messages.</summary>
    public string Source { get; }

    /// <summary>Column names of the first line, in file order.</summary>
    public string[] Header { get; }

    /// <summary>The data rows as text fields (empty lines dropped).</summary>
    public List<string[]> Rows { get; }

    /// <summary>True when the header has this column (ordinal match).</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>Index of the column in each row, −1 when absent.</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out int i) ? i : -1;

    /// <summary>The text of a column in a row; empty when the column or the field is absent.</summary>
    public string Get(string[] row, string column) => _index.TryGetValue(column, out int i) && i < row.Length ? row[i] : string.Empty;

    /// <summary>Parses a number; empty, "#N/A" or text gives <paramref name="fallback"/>.</summary>
    public double GetDouble(string[] row, string column, double fallback = 0.0) =>
        double.TryParse(Get(row, column), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : fallback;

    /// <summary>Each row as column name → text (first occurrence of a duplicated name wins; unnamed columns dropped).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ToDictionaries() =>
        Rows.Select(row =>
        {
            var d = new Dictionary<string, string>(Header.Length, StringComparer.Ordinal);
            for (int i = 0; i < Header.Length && i < row.Length; i++)
            {
                if (Header[i].Length > 0)
                {
                    d.TryAdd(Header[i], row[i]);
                }
            }

            return (IReadOnlyDictionary<string, string>)d;
        }).ToList();

    /// <summary>Reads a UTF-8 CSV file (a byte-order mark is skipped).</summary>
    public static CsvTable Read(string path, char separator = ',') => Parse(File.ReadAllText(path, Encoding.UTF8), path, separator);

    /// <summary>Parses CSV text; <paramref name="source"/> names it in messages.</summary>
    public static CsvTable Parse(string text, string source, char separator = ',')
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        int i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        if (records.Count == 0)
        {
            throw new InvalidDataException($"{source}: empty CSV file.");
        }

        string[] header = records[0];
        records.RemoveAt(0);
        records.RemoveAll(r => r.Length == 1 && r[0].Length == 0);
        return new CsvTable(source, header, records);
    }
}
