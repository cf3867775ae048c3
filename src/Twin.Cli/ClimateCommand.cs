using System.CommandLine;
using System.Globalization;
using Twin.Core.IO;
using Twin.Core.Weather;
using Twin.Sim.Climate;

namespace Twin.Cli;

/// <summary><c>twin climate</c>: monthly climate table (EN ISO 13790 monthly method input) from an NSRDB or EPW weather file.</summary>
internal static class ClimateCommand
{
    public static Command Create()
    {
        var nsrdb = new Option<string?>("--nsrdb") { Description = "NREL NSRDB CSV export" };
        var epw = new Option<string?>("--epw") { Description = "EnergyPlus EPW file" };
        var output = new Option<string>("--out") { Description = "CSV to write (month, days, theta_e_c, i_*_kwh_m2)", Required = true };
        var command = new Command("climate", "Derive a monthly climate (temperature, irradiation on horizontal and N/E/S/W façades) from weather data") { nsrdb, epw, output };
        command.SetAction(r =>
        {
            WeatherSeries w = r.GetValue(nsrdb) is string n ? WeatherReader.ReadNsrdb(n)
                : r.GetValue(epw) is string e ? WeatherReader.ReadEpw(e)
                : throw Twin.Core.Validation.InputException.Argument("--nsrdb", null, "no weather file given", "Give --nsrdb FILE (NREL NSRDB CSV) or --epw FILE (EnergyPlus weather).");
            PeriodClimate c = MonthlyClimate.FromWeather(w, Path.GetFileNameWithoutExtension(w.Source), designTemperatureC: double.NaN);
            Write(c, Common.OutputFile(r.GetValue(output)!, "--out", ".csv"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w.TimesUtc.Length} records, {w.StepHours * 60:0} min → 12 months; annual mean {c.ExternalTemperatureC.Zip(c.Days).Sum(x => x.First * x.Second) / c.Days.Sum():0.0} °C, horizontal {c.IrradiationKWhPerM2[0].Sum():0} kWh/m²a → {r.GetValue(output)}"));
            return 0;
        });
        return command;
    }

    public static void Write(PeriodClimate c, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("month,days,theta_e_c,i_hor_kwh_m2,i_east_kwh_m2,i_south_kwh_m2,i_west_kwh_m2,i_north_kwh_m2");
        for (int m = 0; m < c.Periods; m++)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m + 1},{c.Days[m]:0.###},{c.ExternalTemperatureC[m]:0.00},{c.IrradiationKWhPerM2[0][m]:0.0},{c.IrradiationKWhPerM2[1][m]:0.0},{c.IrradiationKWhPerM2[2][m]:0.0},{c.IrradiationKWhPerM2[3][m]:0.0},{c.IrradiationKWhPerM2[4][m]:0.0}"));
        }
    }
}
