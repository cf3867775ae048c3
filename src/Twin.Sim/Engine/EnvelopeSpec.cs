using Twin.Sim.Physics;

namespace Twin.Sim.Engine;

/// <summary>
/// The envelope of one building state as effective values per element kind: U already multiplied by the
/// temperature-adjustment factor b and area-weighted over the type's elements of that kind, so it can be
/// applied to a building's own areas. Window g, thermal-bridge surcharge and infiltration complete it.
/// </summary>
public readonly record struct EnvelopeSpec(double UWall, double URoof, double UFloor, double UWindow, double UDoor, double WindowG, double ThermalBridge, double InfiltrationPerH)
{
    /// <summary>The effective envelope of a TABULA building (U × b, area-weighted per element kind).</summary>
    public static EnvelopeSpec From(TabulaBuilding b) => new(
        Effective(b, 2, 5),
        Effective(b, 0, 2),
        Effective(b, 5, 7),
        Effective(b, 7, 9),
        Effective(b, 9, 10),
        b.EffectiveWindowG(),
        b.ThermalBridgeWPerM2K,
        b.AirChangeInfiltrationPerH);

    /// <summary>Only improves: each U becomes the smaller of the current one and the target (if given).</summary>
    public EnvelopeSpec Improve(double? wall, double? roof, double? floor, double? window, double? windowG) => this with
    {
        UWall = wall is double w ? Math.Min(UWall, w) : UWall,
        URoof = roof is double r ? Math.Min(URoof, r) : URoof,
        UFloor = floor is double f ? Math.Min(UFloor, f) : UFloor,
        UWindow = window is double u ? Math.Min(UWindow, u) : UWindow,
        WindowG = window is double u2 && u2 < UWindow ? windowG ?? WindowG : WindowG,
    };

    private static double Effective(TabulaBuilding b, int from, int to)
    {
        double au = 0, a = 0;
        for (int e = from; e < to; e++)
        {
            au += b.AreaM2[e] * b.UWPerM2K[e] * b.AdjustmentFactor[e];
            a += b.AreaM2[e];
        }

        return a > 0 ? au / a : 0.0;
    }
}
