using DubAgent.Cli.Bench;
using DubAgent.Cluster.Hosting;
using DubAgent.Core.Configuration;
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
/// The configuration is checked against the options classes of its sections when the services are built: a command
/// gets its services only from a configuration without problems, so a bad one stops it before any work.
/// </summary>
public sealed class CliHost(string[] args) : IAsyncDisposable
{
    private ServiceProvider? _services;
    private IReadOnlyList<ConfigurationProblem> _problems = [];

    /// <summary>The services; an InputException naming the first configuration problem when there is one.</summary>
    public IServiceProvider Services
    {
        get
        {
            var services = ServicesForDiagnosis;
            if (_problems.Count > 0) throw ConfigurationCheck.ToException(_problems);
            return services;
        }
    }

    /// <summary>The services even when the configuration has problems: for `dubagent doctor`, which lists them instead of stopping.</summary>
    public IServiceProvider ServicesForDiagnosis => _services ??= Build();

    /// <summary>Malformed `--config` entries, unknown keys and bad values of known sections; empty when the configuration is fine.</summary>
    public IReadOnlyList<ConfigurationProblem> ConfigurationProblems
    {
        get
        {
            _ = ServicesForDiagnosis;
            return _problems;
        }
    }

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
        services.AddDubAgentCluster();
        services.AddOptionsSection<PluginOptions>(PluginOptions.Section)
            .AddOptionsSection<BenchOptions>(BenchOptions.Section)
            .AddOptionsSection<ServerOptions>(ServerOptions.Section);
        // Plugins come after the built-in tools and engines, so on a name clash the built-in one stays.
        using (var loggerFactory = LoggerFactory.Create(logging => logging
                   .AddSimpleConsole(o => o.SingleLine = true)
                   .AddFilter(level => level >= (Verbose ? LogLevel.Debug : LogLevel.Warning))
                   .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace)))
        {
            new PluginLoader(loggerFactory.CreateLogger<PluginLoader>())
                .LoadInto(services, PluginFolders.From(configuration, PluginFolderArguments(args)));
        }
        var provider = services.BuildServiceProvider();
        _problems =
        [
            .. DubAgentConfiguration.CommandLineProblems(args),
            .. ConfigurationCheck.Problems(configuration, provider.GetServices<OptionsSection>(), key => DubAgentConfiguration.SourceOf(configuration, key)),
        ];
        return provider;
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
