using DubAgent.Core.Hosting;
using DubAgent.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DubAgent.Cli.Hosting;

/// <summary>
/// The services a command uses, built on first use: configuration (dubagent.json, DUBAGENT_ environment variables,
/// command line), logging to stderr (stdout stays clean for machine output and MCP over stdio), core and engines.
/// </summary>
public sealed class CliHost(string[] args) : IAsyncDisposable
{
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ??= Build();

    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    public bool Verbose => args.Contains("--verbose");

    private ServiceProvider Build()
    {
        var configuration = DubAgentConfiguration.Build(args);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
            logging.AddFilter(level => level >= (Verbose ? LogLevel.Debug : LogLevel.Warning));
        });
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddDubAgentCore();
        services.AddBuiltInEngines();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync().ConfigureAwait(false);
    }
}
