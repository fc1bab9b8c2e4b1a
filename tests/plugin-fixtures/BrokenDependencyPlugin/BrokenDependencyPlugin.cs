using BrokenDependencyLib;
using DubAgent.Abstractions.Plugins;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace BrokenDependencyPlugin;

public sealed class Plugin : IDubAgentPlugin
{
    public string Name => "BrokenDependency";
    public string Description => "Its tool needs BrokenDependencyLib.dll, which the test deletes.";

    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<ITool, GreetTool>();
}

public sealed class Empty { }

public sealed class GreetTool : Tool<Empty, Empty>
{
    private readonly Greeting _greeting = new();

    public override string Name => "broken_greet";
    public override string Description => _greeting.Text;
    public override Task<Empty> InvokeAsync(Empty arguments, ToolContext context) => Task.FromResult(new Empty());
}
