using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Bench;

/// <summary>The bench's services with a few settings changed (a second live host with another Live:Search), everything else shared.</summary>
public sealed class LiveSettingsOverlay(IServiceProvider services, IReadOnlyDictionary<string, string?> settings) : IServiceProvider
{
    private readonly IConfiguration _configuration = new ConfigurationBuilder()
        .AddConfiguration((IConfiguration?)services.GetService(typeof(IConfiguration)) ?? new ConfigurationBuilder().Build())
        .AddInMemoryCollection(settings)
        .Build();

    public object? GetService(Type serviceType) => serviceType == typeof(IConfiguration) ? _configuration : services.GetService(serviceType);
}
