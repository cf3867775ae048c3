using Twin.Core.IO;
using Twin.Core.Weather;
using Twin.Sim.Climate;
using Twin.Sim.Engine;

namespace Twin.Sim.Tests.Climate;

public sealed class ClimateTests
{
    [Fact]
    public void SunPosition_EquinoxNoon_ZenithEqualsLatitude()
    {
        // 2019-03-20 12:00 UTC at 0° longitude: declination ≈ 0 and the hour angle ≈ −(equation of time), so zenith ≈ latitude.
        (double cosZ, double azimuth) = SolarGeometry.Position(new DateTime(2019, 3, 20, 12, 0, 0, DateTimeKind.Utc), 52.25, 0.0);
        Assert.Equal(52.25, Math.Acos(cosZ) * 180 / Math.PI, 0.6);
        Assert.InRange(azimuth, 175, 185); // due south
    }

    [Fact]
    public void VerticalIrradiance_SunBehindFacade_OnlyDiffuseAndReflected()
    {
        double north = SolarGeometry.OnVertical(0, cosZenith: 0.5, sunAzimuthDeg: 180, ghi: 500, dni: 600, dhi: 200);
        Assert.Equal((200 * 0.5) + (500 * SolarGeometry.GroundAlbedo * 0.5), north, 1e-9);
    }

    [SkippableFact]
    public void EpwReader_WarsawIwec_MatchesPublishedAnnualFigures()
    {
        string epw = Path.Combine(TestPaths.SharedReference, "weather", "POL_Warsaw.123750_IWEC.epw");
        Skip.IfNot(File.Exists(epw), $"{epw} not found: ../shared/reference is absent (the IWEC file is not shipped: its licence reserves rights).");
        WeatherSeries w = WeatherReader.ReadEpw(epw);
        PeriodClimate c = MonthlyClimate.FromWeather(w, "IWEC", -18);
        Assert.Equal(8760, w.TimesUtc.Length);
        Assert.Equal(365.0, c.Days.Sum(), 1e-9);
        Assert.Equal(8.4, w.TemperatureC.Average(), 0.05); // SOURCES.md §2: annual mean dry-bulb 8.4 °C
        Assert.Equal(999.0, c.AnnualHorizontal, 2.0); // SOURCES.md §2: global horizontal 999 kWh/m²
        Assert.True(c.IrradiationKWhPerM2[2].Sum() > c.IrradiationKWhPerM2[4].Sum() * 1.5, "south façades get much more than north");
    }

    [SkippableFact]
    public void ShippedWarsawMonthlyClimate_RegeneratesFromNsrdb()
    {
        string nsrdb = Path.Combine(TestPaths.SharedReference, "weather", "NSRDB_Warsaw_1138443_52.25_21.02_2019_15min.csv");
        Skip.IfNot(File.Exists(nsrdb), $"{nsrdb} not found: ../shared/reference is absent.");
        PeriodClimate fresh = MonthlyClimate.FromWeather(WeatherReader.ReadNsrdb(nsrdb), "NSRDB", -18);
        PeriodClimate shipped = SimulationData.ClimateFromTable(CsvTable.Read(Path.Combine(TestPaths.Samples, "weather", "warsaw_monthly_nsrdb2019.csv")), "shipped", -18);
        for (int m = 0; m < 12; m++)
        {
            Assert.Equal(fresh.ExternalTemperatureC[m], shipped.ExternalTemperatureC[m], 0.005);
            for (int o = 0; o < 5; o++)
            {
                Assert.Equal(fresh.IrradiationKWhPerM2[o][m], shipped.IrradiationKWhPerM2[o][m], 0.05);
            }
        }
    }
}
