using System.Globalization;
using Twin.Core.Validation;
using Twin.Core.Weather;

namespace Twin.Core.IO;

/// <summary>
/// Reads weather files: NREL NSRDB CSV exports and EnergyPlus EPW. Every problem is an <see cref="InputException"/>
/// naming the file, line, field and value; values outside physical limits are refused rather than averaged into a
/// monthly climate: dry-bulb temperature −90…+60 °C (the recorded extremes are −89.2 °C and +56.7 °C, WMO archive),
/// irradiance 0…1,500 W/m² (the solar constant is 1,361 W/m²; ground values stay below it).
/// </summary>
public static class WeatherReader
{
    private const double MinTemperatureC = -90, MaxTemperatureC = 60, MaxIrradianceWPerM2 = 1500;

    /// <summary>
    /// NSRDB CSV (two metadata lines, then Year,Month,Day,Hour,Minute,Temperature,DHI,GHI,DNI,…). Timestamps are
    /// converted to UTC with the file's "Time Zone" metadata; the step is taken from the first two records.
    /// </summary>
    /// <exception cref="InputException">The file is missing, not an NSRDB export, or a record is unreadable or implausible.</exception>
    public static WeatherSeries ReadNsrdb(string path)
    {
        string[] lines = Lines(path, "--nsrdb");
        if (lines.Length < 4)
        {
            throw Bad(path, "(file)", null, "is too short for an NSRDB export (2 metadata lines, a header and data)", NsrdbHint);
        }

        string[] metaNames = lines[0].Split(','), metaValues = lines[1].Split(',');
        double Meta(string name, double min, double max)
        {
            int i = Array.IndexOf(metaNames, name);
            string? raw = i >= 0 && i < metaValues.Length ? metaValues[i] : null;
            return raw is null ? throw Bad(path, $"line 1, {name}", null, $"has no '{name}' metadata", NsrdbHint) : Number(path, "line 2", name, raw, min, max, NsrdbHint);
        }

        double lat = Meta("Latitude", -90, 90), lon = Meta("Longitude", -180, 180), tz = Meta("Time Zone", -12, 14);
        string[] header = lines[2].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is int i and >= 0 ? i : throw Bad(path, $"line 3, {name}", null, $"has no '{name}' column", NsrdbHint);
        int cy = Col("Year"), cm = Col("Month"), cd = Col("Day"), ch = Col("Hour"), cmin = Col("Minute"), ct = Col("Temperature"), cdhi = Col("DHI"), cghi = Col("GHI"), cdni = Col("DNI");
        int n = lines.Length - 3;
        var times = new DateTime[n];
        double[] t = new double[n], ghi = new double[n], dni = new double[n], dhi = new double[n];
        int columns = new[] { cy, cm, cd, ch, cmin, ct, cdhi, cghi, cdni }.Max() + 1;
        for (int k = 0; k < n; k++)
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"line {k + 4}");
            string[] f = lines[k + 3].Split(',');
            if (f.Length < columns)
            {
                throw Bad(path, line, null, $"has {f.Length} fields, the header {header.Length}", NsrdbHint);
            }

            times[k] = Time(path, line, f[cy], f[cm], f[cd], f[ch], f[cmin]).AddHours(-tz);
            t[k] = Number(path, line, "Temperature", f[ct], MinTemperatureC, MaxTemperatureC, NsrdbHint);
            ghi[k] = Number(path, line, "GHI", f[cghi], 0, MaxIrradianceWPerM2, NsrdbHint);
            dni[k] = Number(path, line, "DNI", f[cdni], 0, MaxIrradianceWPerM2, NsrdbHint);
            dhi[k] = Number(path, line, "DHI", f[cdhi], 0, MaxIrradianceWPerM2, NsrdbHint);
        }

        double step = n > 1 ? (times[1] - times[0]).TotalHours : 1.0;
        if (step is <= 0 or > 24)
        {
            throw Bad(path, "line 5", null, $"records {step:0.##} h apart (the first two): expected steps of 5 min to 1 h, in time order", NsrdbHint);
        }

        return Checked(new WeatherSeries(path, lat, lon, step, times, t, ghi, dni, dhi));
    }

    /// <summary>
    /// EnergyPlus EPW (8 header lines; LOCATION gives latitude, longitude, time zone). Field positions per the
    /// EnergyPlus Auxiliary Programs documentation: dry bulb = 7th, GHI = 14th, DNI = 15th, DHI = 16th field.
    /// EPW hour h is the interval ending at h local standard time, so it starts at h − 1.
    /// </summary>
    /// <exception cref="InputException">The file is missing, not an EPW, or a record is unreadable or implausible (9999 = missing irradiance is refused too).</exception>
    public static WeatherSeries ReadEpw(string path)
    {
        string[] lines = Lines(path, "--epw");
        string[] loc = lines.Length > 0 ? lines[0].Split(',') : [];
        if (loc.Length < 10 || loc[0] != "LOCATION")
        {
            throw Bad(path, "line 1", lines.Length > 0 ? lines[0][..Math.Min(40, lines[0].Length)] : null, "is not an EPW LOCATION record", EpwHint);
        }

        double lat = Number(path, "line 1", "latitude", loc[6], -90, 90, EpwHint), lon = Number(path, "line 1", "longitude", loc[7], -180, 180, EpwHint), tz = Number(path, "line 1", "time zone", loc[8], -12, 14, EpwHint);
        var records = lines.Skip(8).Select((l, i) => (Line: i + 9, Text: l)).Where(l => l.Text.Length > 0).ToArray();
        int n = records.Length;
        var times = new DateTime[n];
        double[] t = new double[n], ghi = new double[n], dni = new double[n], dhi = new double[n];
        for (int k = 0; k < n; k++)
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"line {records[k].Line}");
            string[] f = records[k].Text.Split(',');
            if (f.Length < 16)
            {
                throw Bad(path, line, null, $"has {f.Length} fields; an EPW record has 35", EpwHint);
            }

            // Typical-year files mix years; one non-leap year keeps the months contiguous.
            times[k] = Time(path, line, "2001", f[1], f[2], "0", "0").AddHours(Number(path, line, "hour", f[3], 1, 24, EpwHint) - 1 - tz);
            t[k] = Number(path, line, "dry bulb temperature", f[6], MinTemperatureC, MaxTemperatureC, EpwHint);
            ghi[k] = Number(path, line, "global horizontal radiation", f[13], 0, MaxIrradianceWPerM2, EpwHint);
            dni[k] = Number(path, line, "direct normal radiation", f[14], 0, MaxIrradianceWPerM2, EpwHint);
            dhi[k] = Number(path, line, "diffuse horizontal radiation", f[15], 0, MaxIrradianceWPerM2, EpwHint);
        }

        return Checked(new WeatherSeries(path, lat, lon, 1.0, times, t, ghi, dni, dhi));
    }

    private const string NsrdbHint = "Export the file again from the NSRDB Data Viewer (CSV, with Temperature, GHI, DNI, DHI).";

    private const string EpwHint = "Use an EnergyPlus weather file (.epw) as published, e.g. from climate.onebuilding.org.";

    private static string[] Lines(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw InputException.Fatal(path, option, path, Directory.Exists(path) ? "is a folder, not a weather file" : "weather file not found", "Check the path.", IssueCodes.FileNotFound);
        }

        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputException.Fatal(path, option, null, $"cannot be read: {ex.Message.TrimEnd('.')}", "Check the file's permissions.", IssueCodes.UnreadableFile, ex);
        }
    }

    /// <summary>Every month must hold records, or its mean would be undefined.</summary>
    private static WeatherSeries Checked(WeatherSeries w)
    {
        var months = new HashSet<int>(w.TimesUtc.Select(x => x.AddHours(Math.Round(w.LongitudeDeg / 15.0)).Month));
        if (months.Count < 12)
        {
            throw Bad(w.Source, "(file)", null, $"covers {months.Count} of the 12 months; a monthly climate needs a whole year of records", "Give a full year (8,760 hourly records, or the NSRDB year at 30/60 min).");
        }

        return w;
    }

    private static DateTime Time(string path, string line, string year, string month, string day, string hour, string minute)
    {
        int Int(string name, string raw, int min, int max) =>
            int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max ? v : throw Bad(path, $"{line}, {name}", raw, $"{name} '{raw}' is not a whole number in {min}–{max}", "Check the record's date and time fields.");
        int y = Int("year", year, 1900, 2100), m = Int("month", month, 1, 12), d = Int("day", day, 1, 31);
        if (d > DateTime.DaysInMonth(y, m))
        {
            throw Bad(path, $"{line}, day", day, $"{y}-{m:00}-{d:00} is not a date", "Check the record's date fields.");
        }

        return new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Utc).AddHours(Int("hour", hour, 0, 24)).AddMinutes(Int("minute", minute, 0, 59));
    }

    private static double Number(string path, string line, string field, string raw, double min, double max, string hint)
    {
        if (!double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw Bad(path, $"{line}, {field}", raw, $"{field} '{raw}' is not a number", hint);
        }

        return v >= min && v <= max ? v : throw Bad(path, $"{line}, {field}", raw, string.Create(CultureInfo.InvariantCulture, $"{field} {v} is outside the physical range {min}…{max}{(v >= 9999 ? " (EPW writes 9999 for 'missing')" : string.Empty)}"), hint);
    }

    private static InputException Bad(string path, string where, string? value, string message, string hint) =>
        InputException.Fatal(path, where, value, message, hint, IssueCodes.UnreadableFile);
}
