using DubAgent.Abstractions.Plugins;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Plugins.BeatSync;

/// <summary>The plugin's entry point: two tools, detect_beats and suggest_cuts.</summary>
public sealed class BeatSyncPlugin : IDubAgentPlugin
{
    public string Name => "BeatSync";

    public string Description => "Detects a song's beats and downbeats and suggests video cuts that land on them.";

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ITool, DetectBeatsTool>();
        services.AddSingleton<ITool, SuggestCutsTool>();
    }
}
