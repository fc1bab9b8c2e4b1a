using DubAgent.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace OtherContractPlugin;

public sealed class Plugin : IDubAgentPlugin
{
    public string Name => "OtherContract";
    public string Description => "Built against DubAgent.Abstractions 2.0.";

    public void ConfigureServices(IServiceCollection services) { }
}
