using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace Twin.Core.Spatial;

/// <summary>Reprojects NTS geometries between two <see cref="CoordinateReferenceSystem"/>s with ProjNet.</summary>
public sealed class Reprojector
{
    private static readonly CoordinateTransformationFactory Factory = new();
    private readonly MathTransform? _transform;

    /// <summary>The transformation from <paramref name="from"/> to <paramref name="to"/> (identity when they are the same); see <see cref="TryCreate"/> for CRSs ProjNet may not handle.</summary>
    public Reprojector(CoordinateReferenceSystem from, CoordinateReferenceSystem to)
    {
        From = from;
        To = to;
        bool same = (from.Epsg is int a && to.Epsg is int b && a == b) || ReferenceEquals(from, to);
        _transform = same ? null : Factory.CreateFromCoordinateSystems(from.System, to.System).MathTransform;
    }

    /// <summary>
    /// The reprojector between two CRSs, or why ProjNet cannot build it (an unsupported projection, or a parameter missing
    /// from a .prj or WKT definition): the reason, not an exception, so a loader can report it as the file's problem.
    /// </summary>
    public static bool TryCreate(CoordinateReferenceSystem from, CoordinateReferenceSystem to, [NotNullWhen(true)] out Reprojector? reprojector, [NotNullWhen(false)] out string? error)
    {
        try
        {
            reprojector = new Reprojector(from, to);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is TargetInvocationException or ArgumentException or NotSupportedException or InvalidOperationException or NullReferenceException or KeyNotFoundException)
        {
            // ProjNet builds projections by reflection, so a missing parameter arrives wrapped in a TargetInvocationException.
            Exception cause = ex is TargetInvocationException { InnerException: Exception inner } ? inner : ex;
            reprojector = null;
            error = $"cannot transform {from.Label} to {to.Label} ({Reason(cause)})";
            return false;
        }
    }

    /// <summary>ProjNet's reason in a user's words: no parameter names of .NET methods, no null references.</summary>
    private static string Reason(Exception cause) => cause switch
    {
        NullReferenceException or KeyNotFoundException => "the definition is incomplete",
        ArgumentException { ParamName: string p } a => a.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal).ReplaceLineEndings("; ").TrimEnd('.'),
        _ => cause.Message.ReplaceLineEndings("; ").TrimEnd('.'),
    };

    /// <summary>Source CRS.</summary>
    public CoordinateReferenceSystem From { get; }

    /// <summary>Target CRS.</summary>
    public CoordinateReferenceSystem To { get; }

    /// <summary>True when source and target are the same CRS (nothing is transformed).</summary>
    public bool IsIdentity => _transform is null;

    /// <summary>One point reprojected. Thread-safe.</summary>
    public (double X, double Y) Transform(double x, double y) => _transform is null ? (x, y) : _transform.Transform(x, y);

    /// <summary>Transforms coordinates in place (ProjNet's span overload). Thread-safe.</summary>
    public void Transform(Span<double> xs, Span<double> ys) => _transform?.Transform(xs, ys, 1, 1);

    /// <summary>Returns a reprojected copy (or the geometry itself when both CRSs are the same). Thread-safe.</summary>
    public Geometry Transform(Geometry geometry)
    {
        if (_transform is null)
        {
            return geometry;
        }

        Geometry copy = geometry.Copy();
        copy.Apply(new SequenceFilter(_transform));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Transforms whole coordinate sequences at once (ProjNet's span overload), not point by point.</summary>
    private sealed class SequenceFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            int n = seq.Count;
            bool closed = n > 1 && seq.GetX(0) == seq.GetX(n - 1) && seq.GetY(0) == seq.GetY(n - 1);
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++)
            {
                xs[i] = seq.GetX(i);
                ys[i] = seq.GetY(i);
            }

            transform.Transform(xs, ys, 1, 1);
            for (int i = 0; i < n; i++)
            {
                seq.SetX(i, xs[i]);
                seq.SetY(i, ys[i]);
            }

            if (closed)
            {
                // ProjNet's batch transform can differ in the last bit for the repeated closing point; keep rings closed.
                seq.SetX(n - 1, xs[0]);
                seq.SetY(n - 1, ys[0]);
            }
        }
    }
}
