using DubAgent.Abstractions.Engines;

namespace DubAgent.Cli.Doctor;

/// <summary>One registered engine as doctor sees it.</summary>
public sealed record EngineReport(string Name, string Capability, string Description, bool Available, string? Version, string? Detail, string? Install)
{
    public static async Task<IReadOnlyList<EngineReport>> AllAsync(IEngineRegistry registry, CancellationToken cancellationToken)
    {
        var checks = registry.All.Select(async engine =>
        {
            var status = await registry.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            return new EngineReport(engine.Name, engine.Capability, engine.Description, status.Available, status.Version, status.Detail,
                status.InstallHint);
        });
        return await Task.WhenAll(checks).ConfigureAwait(false);
    }
}
