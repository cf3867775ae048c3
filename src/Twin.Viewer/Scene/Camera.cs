using System.Numerics;
using NetTopologySuite.Geometries;

namespace Twin.Viewer.Scene;

/// <summary>Camera presets: a top-down map and an oblique 3D view, both framing the whole district by default.</summary>
public enum CameraKind
{
    /// <summary>Orthographic, straight down, north up.</summary>
    TopDown,
    /// <summary>Perspective from the south-west, looking down at the city.</summary>
    Oblique,
}

/// <summary>
/// View and projection for a scene in origin-relative metres (x east, y north, z up). System.Numerics uses
/// row vectors, so the GL uniform is <see cref="ViewProjection"/> = view × projection, uploaded untransposed.
/// </summary>
public sealed record Camera(Matrix4x4 View, Matrix4x4 Projection, double MetresPerPixel)
{
    /// <summary>View × projection (row-vector order, as System.Numerics multiplies).</summary>
    public Matrix4x4 ViewProjection => View * Projection;

    /// <summary>Frames <paramref name="extent"/> (metric CRS) around <paramref name="origin"/> with a 3 % margin, north up.</summary>
    public static Camera Frame(CameraKind kind, Envelope extent, Coordinate origin, double maxHeightM, int width, int height)
    {
        float cx = (float)(extent.Centre.X - origin.X), cy = (float)(extent.Centre.Y - origin.Y);
        double aspect = (double)width / height;
        double halfW = Math.Max(extent.Width / 2, extent.Height / 2 * aspect) * 1.03, halfH = halfW / aspect;
        float top = (float)Math.Max(maxHeightM, 1.0) + 10f;
        if (kind == CameraKind.TopDown)
        {
            Matrix4x4 view = Matrix4x4.CreateLookAt(new Vector3(cx, cy, top + 100f), new Vector3(cx, cy, 0), Vector3.UnitY);
            Matrix4x4 proj = Matrix4x4.CreateOrthographicOffCenter((float)-halfW, (float)halfW, (float)-halfH, (float)halfH, 1f, top + 200f);
            return new Camera(view, proj, 2 * halfW / width);
        }

        // Oblique: look from the south-south-west, 40° above the horizon, far enough for the extent to fit a 35° vertical field of view
        // (distance at which the half-extent fills half the view, plus 20 %).
        double radius = Math.Max(halfW / aspect, halfH) / Math.Tan(35.0 / 2 * Math.PI / 180) * 1.2;
        double elevation = 40 * Math.PI / 180, azimuth = 200 * Math.PI / 180;
        var eye = new Vector3(cx + (float)(radius * Math.Cos(elevation) * Math.Sin(azimuth)), cy + (float)(radius * Math.Cos(elevation) * Math.Cos(azimuth)), (float)(radius * Math.Sin(elevation)));
        Matrix4x4 obliqueView = Matrix4x4.CreateLookAt(eye, new Vector3(cx, cy, 0), Vector3.UnitZ);
        Matrix4x4 perspective = Matrix4x4.CreatePerspectiveFieldOfView(35f * MathF.PI / 180f, (float)aspect, (float)(radius / 50), (float)(radius * 4));
        return new Camera(obliqueView, perspective, double.NaN);
    }
}
