namespace Twin.Viewer.Platform;

/// <summary>
/// No OpenGL context can be made here: EGL/Mesa or GLFW is not installed, or there is no display. The message says what
/// is missing and what to install or use instead. Front ends may carry on without maps; tests skip (or fail in CI) on it.
/// </summary>
public sealed class GlUnavailableException : Exception
{
    /// <summary>No context, with what is missing.</summary>
    public GlUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>No context, with what is missing and the native failure.</summary>
    public GlUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
