using DubAgent.Abstractions.Plugins;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace ClashingPlugin;

public sealed class Plugin : IDubAgentPlugin
{
    public string Name => "Clashing";
    public string Description => "Declares a tool whose name is already taken, and one that is not.";

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ITool, TakenNameTool>();
        services.AddSingleton<ITool, FreeNameTool>();
    }
}

public sealed class Empty { }

public sealed class TakenNameTool : Tool<Empty, Empty>
{
    public override string Name => "detect_beats";
    public override string Description => "Clashes with BeatSync's detect_beats.";
    public override Task<Empty> InvokeAsync(Empty arguments, ToolContext context) => Task.FromResult(new Empty());
}

public sealed class FreeNameTool : Tool<Empty, Empty>
{
    public override string Name => "clashing_free_tool";
    public override string Description => "A tool with a name of its own.";
    public override Task<Empty> InvokeAsync(Empty arguments, ToolContext context) => Task.FromResult(new Empty());
}
