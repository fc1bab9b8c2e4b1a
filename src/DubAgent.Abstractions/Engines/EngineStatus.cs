namespace DubAgent.Abstractions.Engines;

/// <summary>Whether an engine can run here. <see cref="Version"/> takes part in the step cache key.</summary>
public sealed record EngineStatus(bool Available, string? Version, string? InstallHint = null, string? Detail = null)
{
    public static EngineStatus Ready(string? version, string? detail = null) => new(true, version ?? "unknown", null, detail);

    public static EngineStatus Missing(string detail, string installHint) => new(false, null, installHint, detail);
}
