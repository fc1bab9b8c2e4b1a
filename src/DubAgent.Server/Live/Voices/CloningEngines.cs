using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Voices;

namespace DubAgent.Server.Live.Voices;

/// <summary>
/// The synthesis engine to clone with: the first registered engine implementing <see cref="IVoiceCloner"/> that can run
/// here; when there is none, why (none installed, or each one's missing piece and install hint).
/// </summary>
public static class CloningEngines
{
    public static async Task<(string? Engine, string? Missing)> PickAsync(IEngineRegistry registry, CancellationToken cancellationToken)
    {
        var cloners = registry.ForCapability(Capabilities.Synthesize).Where(e => e is IVoiceCloner).ToList();
        if (cloners.Count == 0)
            return (null, "no voice cloning engine is installed on this server (a synthesis engine implementing IVoiceCloner, such as elevenlabs); " +
                          "add one and send create_voice_clone again, or clone later from the library with `dubagent voices create NAME --engine ENGINE`");
        var reasons = new List<string>();
        foreach (var engine in cloners)
        {
            var status = await registry.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            if (status.Available) return (engine.Name, null);
            reasons.Add($"'{engine.Name}' cannot run here ({status.Detail ?? "unavailable"}{(status.InstallHint is { } hint ? $"; {hint}" : "")})");
        }
        return (null, string.Join("; ", reasons));
    }
}
