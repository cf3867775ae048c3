using System.Numerics;
using NetTopologySuite.Geometries;

namespace Twin.Viewer.Scene;

/// <summary>
/// Interactive camera state (pure C#, no GL): a target point on the ground, distance, azimuth (° clockwise from north,
/// the direction the camera looks towards) and elevation (90° = straight down). Pan moves the target in the view
/// plane, orbit turns, zoom scales the distance; <see cref="ToCamera"/> gives the matrices.
/// </summary>
public sealed class OrbitCamera
{
    /// <summary>A camera looking down on the whole extent.</summary>
    public OrbitCamera(Envelope extent, Coordinate origin)
    {
        Target = new Vector2((float)(extent.Centre.X - origin.X), (float)(extent.Centre.Y - origin.Y));
        Distance = (float)Math.Max(Math.Max(extent.Width, extent.Height) * 1.1, 50);
    }

    /// <summary>The point looked at (scene coordinates, metres).</summary>
    public Vector2 Target { get; private set; }

    /// <summary>Distance from the target [m].</summary>
    public float Distance { get; private set; }

    /// <summary>Azimuth [°] (0 = looking north).</summary>
    public float AzimuthDeg { get; private set; }

    /// <summary>Elevation above the horizon [°].</summary>
    public float ElevationDeg { get; private set; } = 89.9f;

    /// <summary>Moves the target by a cursor drag of (dx, dy) pixels in a window <paramref name="heightPx"/> high (dragging the ground along).</summary>
    public void Pan(double dxPx, double dyPx, int heightPx)
    {
        float metresPerPixel = Distance * 2f * MathF.Tan(FieldOfViewRad / 2) / Math.Max(1, heightPx);
        float az = AzimuthDeg * MathF.PI / 180f;
        var right = new Vector2(MathF.Cos(az), -MathF.Sin(az));
        var forward = new Vector2(MathF.Sin(az), MathF.Cos(az));
        Target -= (right * (float)dxPx * metresPerPixel) - (forward * (float)dyPx * metresPerPixel);
    }

    /// <summary>Orbits by a mouse drag of (dx, dy) pixels.</summary>
    public void Orbit(double dxPx, double dyPx)
    {
        AzimuthDeg = (AzimuthDeg + ((float)dxPx * 0.3f)) % 360f;
        ElevationDeg = Math.Clamp(ElevationDeg - ((float)dyPx * 0.2f), 10f, 89.9f);
    }

    /// <summary>Wheel steps: positive zooms in (10 % per step).</summary>
    public void Zoom(double steps) => Distance = Math.Clamp(Distance * MathF.Pow(0.9f, (float)steps), 5f, 1e6f);

    private const float FieldOfViewRad = 35f * MathF.PI / 180f;

    /// <summary>The camera for a viewport of this size.</summary>
    public Camera ToCamera(int width, int height)
    {
        float az = AzimuthDeg * MathF.PI / 180f, el = ElevationDeg * MathF.PI / 180f;
        var target = new Vector3(Target, 0);
        var back = new Vector3(-MathF.Sin(az) * MathF.Cos(el), -MathF.Cos(az) * MathF.Cos(el), MathF.Sin(el));
        Vector3 eye = target + (back * Distance);
        var up = new Vector3(MathF.Sin(az), MathF.Cos(az), 0); // screen-up = the looking direction on the ground
        Matrix4x4 view = Matrix4x4.CreateLookAt(eye, target, up);
        Matrix4x4 proj = Matrix4x4.CreatePerspectiveFieldOfView(FieldOfViewRad, (float)width / Math.Max(1, height), Distance / 100f, Distance * 10f);
        return new Camera(view, proj, double.NaN);
    }
}
