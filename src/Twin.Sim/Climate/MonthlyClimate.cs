using Twin.Core.Weather;

namespace Twin.Sim.Climate;

/// <summary>Aggregates a weather time series into the 12 monthly periods of the EN ISO 13790 monthly method.</summary>
public static class MonthlyClimate
{
    /// <summary>Façade azimuths in TABULA's order after horizontal: east, south, west, north [° from north].</summary>
    private static readonly double[] FacadeAzimuthsDeg = [90.0, 180.0, 270.0, 0.0];

    /// <summary>The 12 monthly periods (days, mean temperature, irradiation on the horizontal and N/E/S/W façades) of a weather series.</summary>
    public static PeriodClimate FromWeather(WeatherSeries w, string name, double designTemperatureC)
    {
        double[] days = new double[12], tempSum = new double[12], count = new double[12];
        double[][] irr = [new double[12], new double[12], new double[12], new double[12], new double[12]];
        for (int k = 0; k < w.TimesUtc.Length; k++)
        {
            // Sun position at the middle of the interval; months by local standard time (longitude / 15 h).
            DateTime mid = w.TimesUtc[k].AddHours(w.StepHours / 2);
            int m = w.TimesUtc[k].AddHours(Math.Round(w.LongitudeDeg / 15.0)).Month - 1;
            tempSum[m] += w.TemperatureC[k];
            count[m]++;
            (double cosZ, double az) = SolarGeometry.Position(mid, w.LatitudeDeg, w.LongitudeDeg);
            double whPerM2 = w.StepHours;
            irr[0][m] += w.GlobalHorizontalWPerM2[k] * whPerM2 / 1000.0;
            for (int f = 0; f < 4; f++)
            {
                irr[f + 1][m] += SolarGeometry.OnVertical(FacadeAzimuthsDeg[f], cosZ, az, w.GlobalHorizontalWPerM2[k], w.DirectNormalWPerM2[k], w.DiffuseHorizontalWPerM2[k]) * whPerM2 / 1000.0;
            }
        }

        double[] temp = new double[12];
        for (int m = 0; m < 12; m++)
        {
            days[m] = count[m] * w.StepHours / 24.0;
            temp[m] = count[m] > 0 ? tempSum[m] / count[m] : double.NaN;
        }

        return new PeriodClimate(name, w.Source, days, temp, irr, IsSeasonal: false) { DesignTemperatureC = designTemperatureC };
    }
}
