using System.Reflection;

namespace Twin.Pipeline;

/// <summary>Which engine made an output.</summary>
public static class EngineInfo
{
    /// <summary>
    /// The engine's version and the git commit it was built from, e.g. "0.9.0+ee8be106…" (the SDK's source-revision stamp
    /// in the informational version of Twin.Sim); just the version when built outside a git checkout.
    /// </summary>
    public static string Version { get; } =
        typeof(Sim.Engine.Simulator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Sim.Engine.Simulator).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
