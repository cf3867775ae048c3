namespace Twin.Core.Weather;

/// <summary>
/// A weather time series at one site: air temperature [°C] and global horizontal, direct normal and
/// diffuse horizontal irradiance [W/m²], each value the mean over the <see cref="StepHours"/> interval
/// that starts at <see cref="TimesUtc"/>[i].
/// </summary>
public sealed record WeatherSeries(
    string Source,
    double LatitudeDeg,
    double LongitudeDeg,
    double StepHours,
    DateTime[] TimesUtc,
    double[] TemperatureC,
    double[] GlobalHorizontalWPerM2,
    double[] DirectNormalWPerM2,
    double[] DiffuseHorizontalWPerM2);
