using System.Globalization;
using Twin.Core.Weather;

namespace Twin.Core.IO;

/// <summary>Reads weather files: NREL NSRDB CSV exports and EnergyPlus EPW.</summary>
public static class WeatherReader
{
    /// <summary>
    /// NSRDB CSV (two metadata lines, then Year,Month,Day,Hour,Minute,Temperature,DHI,GHI,DNI,…). Timestamps are
    /// converted to UTC with the file's "Time Zone" metadata; the step is taken from the first two records.
    /// </summary>
    public static WeatherSeries ReadNsrdb(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length < 4)
        {
            throw new InvalidDataException($"{path}: too short for an NSRDB export (needs 2 metadata lines, a header and data).");
        }

        string[] metaNames = lines[0].Split(','), metaValues = lines[1].Split(',');
        double Meta(string name) => double.Parse(metaValues[Array.IndexOf(metaNames, name) is int i and >= 0 ? i : throw new InvalidDataException($"{path}: metadata '{name}' missing.")], CultureInfo.InvariantCulture);
        double lat = Meta("Latitude"), lon = Meta("Longitude"), tz = Meta("Time Zone");
        string[] header = lines[2].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is int i and >= 0 ? i : throw new InvalidDataException($"{path}: column '{name}' missing (have {lines[2]}).");
        int cy = Col("Year"), cm = Col("Month"), cd = Col("Day"), ch = Col("Hour"), cmin = Col("Minute"), ct = Col("Temperature"), cdhi = Col("DHI"), cghi = Col("GHI"), cdni = Col("DNI");
        int n = lines.Length - 3;
        var times = new DateTime[n];
        double[] t = new double[n], ghi = new double[n], dni = new double[n], dhi = new double[n];
        for (int k = 0; k < n; k++)
        {
            string[] f = lines[k + 3].Split(',');
            try
            {
                times[k] = new DateTime(int.Parse(f[cy], CultureInfo.InvariantCulture), int.Parse(f[cm], CultureInfo.InvariantCulture), int.Parse(f[cd], CultureInfo.InvariantCulture), int.Parse(f[ch], CultureInfo.InvariantCulture), int.Parse(f[cmin], CultureInfo.InvariantCulture), 0, DateTimeKind.Utc).AddHours(-tz);
                t[k] = double.Parse(f[ct], CultureInfo.InvariantCulture);
                ghi[k] = double.Parse(f[cghi], CultureInfo.InvariantCulture);
                dni[k] = double.Parse(f[cdni], CultureInfo.InvariantCulture);
                dhi[k] = double.Parse(f[cdhi], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"{path}, line {k + 4}: cannot read the record ({ex.Message}).", ex);
            }
        }

        double step = n > 1 ? (times[1] - times[0]).TotalHours : 1.0;
        return new WeatherSeries(path, lat, lon, step, times, t, ghi, dni, dhi);
    }

    /// <summary>
    /// EnergyPlus EPW (8 header lines; LOCATION gives latitude, longitude, time zone). Field positions per the
    /// EnergyPlus Auxiliary Programs documentation: dry bulb = 7th, GHI = 14th, DNI = 15th, DHI = 16th field.
    /// EPW hour h is the interval ending at h local standard time, so it starts at h − 1.
    /// </summary>
    public static WeatherSeries ReadEpw(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] loc = lines[0].Split(',');
        if (loc.Length < 10 || loc[0] != "LOCATION")
        {
            throw new InvalidDataException($"{path}: first line is not an EPW LOCATION record.");
        }

        double lat = double.Parse(loc[6], CultureInfo.InvariantCulture), lon = double.Parse(loc[7], CultureInfo.InvariantCulture), tz = double.Parse(loc[8], CultureInfo.InvariantCulture);
        var records = lines.Skip(8).Where(l => l.Length > 0).ToArray();
        int n = records.Length;
        var times = new DateTime[n];
        double[] t = new double[n], ghi = new double[n], dni = new double[n], dhi = new double[n];
        for (int k = 0; k < n; k++)
        {
            string[] f = records[k].Split(',');
            int year = 2001; // typical-year files mix years; one non-leap year keeps months contiguous
            times[k] = new DateTime(year, int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), 0, 0, 0, DateTimeKind.Utc)
                .AddHours(int.Parse(f[3], CultureInfo.InvariantCulture) - 1 - tz);
            t[k] = double.Parse(f[6], CultureInfo.InvariantCulture);
            ghi[k] = double.Parse(f[13], CultureInfo.InvariantCulture);
            dni[k] = double.Parse(f[14], CultureInfo.InvariantCulture);
            dhi[k] = double.Parse(f[15], CultureInfo.InvariantCulture);
        }

        return new WeatherSeries(path, lat, lon, 1.0, times, t, ghi, dni, dhi);
    }
}
