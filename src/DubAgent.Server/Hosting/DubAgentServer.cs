using System.Reflection;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Prompts;
using DubAgent.Server.Resources;
using DubAgent.Server.Roots;
using DubAgent.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Roots and sampling are deprecated only from spec 2026-07-28 on; the clients of today (protocol 2025-xx) use them.
#pragma warning disable MCP9005

namespace DubAgent.Server.Hosting;

/// <summary>
/// The MCP server of DubAgent, free of any transport: every tool of the registry plus the server's own tools, the job
/// artifacts as resources, the prompts, one job store and one call queue. Each connected client gets a session
/// (<see cref="CreateSession"/>) over stdio, a stream pair or Streamable HTTP.
/// </summary>
public sealed class DubAgentServer
{
    public const string Name = "dubagent";

    private readonly ILoggerFactory _loggerFactory;
    private readonly IReadOnlyList<ITool> _tools;

    public DubAgentServer(IServiceProvider services, DubAgentServerOptions options)
    {
        Services = services;
        Options = options;
        _loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        Jobs = new JobStore(options.JobsDirectory);
        Queue = new CallQueue(options.MaxConcurrentCalls);
        Artifacts = new ArtifactCatalog(Jobs);
        var invoker = services.GetService<ToolInvoker>() ?? ActivatorUtilities.CreateInstance<ToolInvoker>(services);
        Runner = new ToolCallRunner(invoker, Jobs, Queue, Artifacts, options, services, _loggerFactory);
        _tools = ServerToolCatalog.Combine(invoker.All, ServerToolCatalog.Create(services, Jobs, Artifacts));
    }

    public IServiceProvider Services { get; }
    public DubAgentServerOptions Options { get; }
    public JobStore Jobs { get; }
    public CallQueue Queue { get; }
    public ArtifactCatalog Artifacts { get; }
    public ToolCallRunner Runner { get; }

    /// <summary>Every tool a client sees: the registry's, then the server's own.</summary>
    public IReadOnlyList<ITool> Tools => _tools;

    public static string Version =>
        typeof(DubAgentServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>An MCP server for one client on <paramref name="transport"/>; run it with RunAsync.</summary>
    /// <param name="clientRootsNarrow">True for network transports: the client's roots may only narrow --root.</param>
    public McpServer CreateSession(ITransport transport, bool clientRootsNarrow = false)
    {
        var session = new McpSessionState(new ClientRoots(_loggerFactory.CreateLogger<ClientRoots>()), clientRootsNarrow);
        var server = McpServer.Create(transport, CreateOptions(session), _loggerFactory, Services);
        server.RegisterNotificationHandler(NotificationMethods.RootsListChangedNotification, (_, _) =>
        {
            session.Roots.Invalidate();
            return ValueTask.CompletedTask;
        });
        return server;
    }

    /// <summary>Serves one client over this process's stdin/stdout until it disconnects or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunStdioAsync(CancellationToken cancellationToken)
    {
        await using var transport = new StdioServerTransport(Name, _loggerFactory);
        // The transport holds the real stdout stream; a stray Console.Write from a tool or plugin must not corrupt MCP.
        var console = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            await RunAsync(transport, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    /// <summary>Serves one client over a pair of streams (tests, pipes).</summary>
    public async Task RunStreamsAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        await using var transport = new StreamServerTransport(input, output, Name, _loggerFactory);
        await RunAsync(transport, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(ITransport transport, CancellationToken cancellationToken)
    {
        var server = CreateSession(transport);
        await using (server.ConfigureAwait(false))
        {
            try
            {
                await server.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutdown asked for (Ctrl+C): not an error.
            }
        }
    }

    private McpServerOptions CreateOptions(McpSessionState session)
    {
        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in _tools) tools.Add(new McpToolAdapter(tool, Runner, session));
        return new McpServerOptions
        {
            ServerInfo = new Implementation { Name = Name, Title = "DubAgent", Version = Version },
            ServerInstructions = Instructions,
            ToolCollection = tools,
            ResourceCollection = [new JobArtifactResource(Artifacts)],
            PromptCollection = [new DubVideoPrompt(), new ReviewTranslationPrompt(Jobs, Artifacts, Runner, session)],
            Handlers = new McpServerHandlers
            {
                ListResourcesHandler = (_, _) => ValueTask.FromResult(JobArtifactResource.List(Artifacts)),
            },
        };
    }

    private const string Instructions =
        "DubAgent dubs a video into another language. Each step is a tool: analyze_media, separate_audio, transcribe, diarize, " +
        "translate, synthesize, mix, export (list_engines shows which engines can run here; run_pipeline runs a whole recipe). " +
        "Every call runs in a job: pass the `job` of an earlier result to keep one dub's outputs together, and `background: true` " +
        "for long work (then get_job / cancel_job). Outputs are resources dubagent://jobs/{job}/{step}/{file}. " +
        "Files must be inside the server's allowed folders (--root, or the roots your client announces). " +
        "The prompt dub_video walks through a whole dub; review_translation shows lines that do not fit their time slot.";
}
