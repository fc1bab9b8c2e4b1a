using DubAgent.Core.Hosting;
using DubAgent.Core.Plugins;
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
        // Plugins come after the built-in tools and engines, so on a name clash the built-in one stays.
        using (var loggerFactory = LoggerFactory.Create(logging => logging
                   .AddSimpleConsole(o => o.SingleLine = true)
                   .AddFilter(level => level >= (Verbose ? LogLevel.Debug : LogLevel.Warning))
                   .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace)))
        {
            new PluginLoader(loggerFactory.CreateLogger<PluginLoader>())
                .LoadInto(services, PluginFolders.From(configuration, PluginFolderArguments(args)));
        }
        return services.BuildServiceProvider();
    }

    /// <summary>`--plugins DIR` values, read before the command line is parsed because services are built first.</summary>
    private static IEnumerable<string> PluginFolderArguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--plugins" && i + 1 < args.Length) yield return args[i + 1];
            else if (args[i].StartsWith("--plugins=", StringComparison.Ordinal)) yield return args[i]["--plugins=".Length..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync().ConfigureAwait(false);
    }
}
