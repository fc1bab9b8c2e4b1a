using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DubAgent.Server.Tests.Support;

/// <summary>A server over the real core services plus the test-only tools.</summary>
public static class TestServices
{
    public static DubAgentServer Server(TempFolder temp, int maxCalls = 2, Action<DubAgentServerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDubAgentCore();
        services.AddDubAgentPipelines();
        services.AddSingleton<ITool, ProbeTestTool>();
        services.AddSingleton<ITool, CountTestTool>();
        services.AddSingleton<ITool, AskCallerTestTool>();
        var options = new DubAgentServerOptions { JobsDirectory = temp.Sub("jobs"), MaxConcurrentCalls = maxCalls };
        options.Roots.Add(temp.Sub("media"));
        configure?.Invoke(options);
        return new DubAgentServer(services.BuildServiceProvider(), options);
    }
}
