namespace Twin.Sim.Climate;

/// <summary>
/// Sun position and irradiance on vertical façades. Declination and equation of time: Spencer (1971),
/// "Fourier series representation of the position of the sun", Search 2(5):172; incidence angle on a tilted
/// surface: Duffie &amp; Beckman, Solar Engineering of Thermal Processes (4th ed.), eq. 1.6.2;
/// isotropic-sky transposition: Liu &amp; Jordan (1963), Duffie &amp; Beckman eq. 2.15.1.
/// </summary>
public static class SolarGeometry
{
    /// <summary>Ground reflectance used for reflected irradiance on façades [-] (common default, Duffie &amp; Beckman §2.15).</summary>
    public const double GroundAlbedo = 0.2;

    /// <summary>Cosine of the zenith angle and the sun's azimuth (degrees clockwise from north) at a UTC instant.</summary>
    public static (double CosZenith, double AzimuthDeg) Position(DateTime utc, double latitudeDeg, double longitudeDeg)
    {
        double gamma = 2 * Math.PI / 365.0 * (utc.DayOfYear - 1 + ((utc.Hour + (utc.Minute / 60.0) - 12) / 24.0));
        double decl = 0.006918 - (0.399912 * Math.Cos(gamma)) + (0.070257 * Math.Sin(gamma)) - (0.006758 * Math.Cos(2 * gamma)) + (0.000907 * Math.Sin(2 * gamma)) - (0.002697 * Math.Cos(3 * gamma)) + (0.00148 * Math.Sin(3 * gamma));
        double eotMin = 229.18 * (0.000075 + (0.001868 * Math.Cos(gamma)) - (0.032077 * Math.Sin(gamma)) - (0.014615 * Math.Cos(2 * gamma)) - (0.040849 * Math.Sin(2 * gamma)));
        double solarMinutes = (utc.Hour * 60.0) + utc.Minute + eotMin + (4.0 * longitudeDeg);
        double hourAngle = ((solarMinutes / 4.0) - 180.0) * Math.PI / 180.0;
        double lat = latitudeDeg * Math.PI / 180.0;
        double cosZ = (Math.Sin(lat) * Math.Sin(decl)) + (Math.Cos(lat) * Math.Cos(decl) * Math.Cos(hourAngle));
        double sinZ = Math.Sqrt(Math.Max(0, 1 - (cosZ * cosZ)));
        double azimuth = 0;
        if (sinZ > 1e-9)
        {
            double cosAz = ((Math.Sin(decl) * Math.Cos(lat)) - (Math.Cos(decl) * Math.Sin(lat) * Math.Cos(hourAngle))) / sinZ;
            azimuth = Math.Acos(Math.Clamp(cosAz, -1, 1)) * 180.0 / Math.PI;
            if (hourAngle > 0)
            {
                azimuth = 360.0 - azimuth;
            }
        }

        return (cosZ, azimuth);
    }

    /// <summary>Total irradiance on a vertical surface facing <paramref name="surfaceAzimuthDeg"/> [W/m²]: beam + isotropic diffuse + ground-reflected.</summary>
    public static double OnVertical(double surfaceAzimuthDeg, double cosZenith, double sunAzimuthDeg, double ghi, double dni, double dhi)
    {
        double sinZ = Math.Sqrt(Math.Max(0, 1 - (cosZenith * cosZenith)));
        double cosIncidence = sinZ * Math.Cos((sunAzimuthDeg - surfaceAzimuthDeg) * Math.PI / 180.0);
        double beam = cosZenith > 0 ? dni * Math.Max(0, cosIncidence) : 0;
        return beam + (dhi * 0.5) + (ghi * GroundAlbedo * 0.5);
    }
}
