namespace DubAgent.Core.Pipelines;

/// <summary>
/// Which engine a step runs and why. <paramref name="Asked"/> is what the route or name chose (null: the tool's default);
/// <paramref name="Ran"/> the one that will run; <paramref name="Skipped"/> the engines passed over, each with its install hint.
/// </summary>
public sealed record EngineDecision(string? Asked, string? Ran, string? Version, string Reason, IReadOnlyList<string> Skipped)
{
    public bool FellBack => Skipped.Count > 0;
}
