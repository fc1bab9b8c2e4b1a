using System.Reflection;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Calls;
using DubAgent.Core.Tools;
using DubAgent.Core.Pipelines;
using DubAgent.Server.Completions;
using DubAgent.Server.Jobs;
using DubAgent.Server.Prompts;
using DubAgent.Server.Resources;
using DubAgent.Server.Review;
using DubAgent.Server.Roots;
using DubAgent.Server.Tools;
using DubAgent.Server.Transports;
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
/// over stdio, a stream pair (<see cref="CreateSession"/>) or Streamable HTTP (the SDK's ASP.NET Core host calls
/// <see cref="ConfigureSession"/> for each session).
/// </summary>
public sealed class DubAgentServer
{
    public const string Name = "dubagent";

    private readonly ILoggerFactory _loggerFactory;
    private readonly IReadOnlyList<ITool> _tools;
    private readonly IReadOnlyList<McpToolDefinition> _definitions;
    private readonly ArgumentCompletions _completions;
    private readonly ToolListAnswer _toolList;

    public DubAgentServer(IServiceProvider services, DubAgentServerOptions options)
    {
        Services = services;
        Options = options;
        _loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        Jobs = new JobStore(options.JobsDirectory);
        Queue = new CallQueue(options.MaxConcurrentCalls);
        Artifacts = new ArtifactCatalog(Jobs);
        var invoker = services.GetService<ToolInvoker>() ?? ActivatorUtilities.CreateInstance<ToolInvoker>(services);
        var calls = services.GetService<IToolCall>() ?? ActivatorUtilities.CreateInstance<ToolCallPipeline>(services, invoker);
        Runner = new ToolCallRunner(invoker, calls, Jobs, Queue, Artifacts, new ReviewFlow(_loggerFactory.CreateLogger<ReviewFlow>()), options, services, _loggerFactory);
        // A server runs for days: engine statuses are checked again after a while instead of once per process.
        if (services.GetService<IEngineRegistry>() is Core.Registry.EngineRegistry registry) registry.StatusLifetime = options.EngineCheckLifetime;
        _tools = ServerToolCatalog.Combine(invoker.All, ServerToolCatalog.Create(services, Jobs, Artifacts, options.EngineCheckLifetime));
        _definitions = _tools.Select(t => McpToolDefinition.Of(t, invoker)).ToList();
        _toolList = new ToolListAnswer(_definitions.Select(d => d.Protocol));
        _completions = new ArgumentCompletions(services.GetRequiredService<IEngineRegistry>(), Jobs, Artifacts,
            services.GetService<RecipeCatalog>() ?? new RecipeCatalog());
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

    /// <summary>
    /// Fills <paramref name="options"/> for one client: the tools, resources and prompts bound to that client's own
    /// state (its roots). Called once per stdio client and once per HTTP session (per request for stateless clients).
    /// </summary>
    /// <param name="clientRootsNarrow">True for network transports: the client's roots may only narrow --root.</param>
    public void ConfigureSession(McpServerOptions options, bool clientRootsNarrow)
    {
        var session = new McpSessionState(new ClientRoots(_loggerFactory.CreateLogger<ClientRoots>()), clientRootsNarrow);
        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var definition in _definitions) tools.Add(new McpToolAdapter(definition, Runner, session));
        options.ServerInfo = new Implementation { Name = Name, Title = "DubAgent", Version = Version };
        options.ServerInstructions = Instructions;
        options.ToolCollection = tools;
        options.ResourceCollection = [new JobArtifactResource(Artifacts, Options.MaxResourceBytes), new JobStatusResource(Jobs, Artifacts)];
        options.PromptCollection = [new DubVideoPrompt(), new ReviewTranslationPrompt(Jobs, Artifacts, Runner, session)];
        options.Handlers.ListResourcesHandler = (_, _) => ValueTask.FromResult(JobArtifactResource.List(Artifacts));
        // Not advertised, so not answered: a client must not believe it will hear about changes.
        options.Handlers.SubscribeToResourcesHandler = (_, _) => throw ResourceSubscriptions.NotOffered(RequestMethods.ResourcesSubscribe);
        options.Handlers.UnsubscribeFromResourcesHandler = (_, _) => throw ResourceSubscriptions.NotOffered(RequestMethods.ResourcesUnsubscribe);
        options.Handlers.CompleteHandler = _completions.CompleteAsync;
        options.Filters.Message.IncomingFilters.Add(InvalidParams.Filter);
        options.Filters.Message.IncomingFilters.Add(_toolList.Filter);
        options.Handlers.NotificationHandlers =
        [
            new(NotificationMethods.RootsListChangedNotification, (_, _) =>
            {
                session.Roots.Invalidate();
                return ValueTask.CompletedTask;
            }),
        ];
    }

    /// <summary>An MCP server for one client on <paramref name="transport"/> (stdio, a stream pair); run it with RunAsync.</summary>
    public McpServer CreateSession(ITransport transport, bool clientRootsNarrow = false)
    {
        var options = new McpServerOptions();
        ConfigureSession(options, clientRootsNarrow);
        return McpServer.Create(transport, options, _loggerFactory, Services);
    }

    /// <summary>Serves one client over this process's stdin/stdout until it disconnects or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunStdioAsync(CancellationToken cancellationToken)
    {
        // The transport holds the real stdout stream; a stray Console.Write from a tool or plugin must not corrupt MCP.
        var stdout = Console.OpenStandardOutput();
        var console = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            await RunStreamsAsync(Console.OpenStandardInput(), stdout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    /// <summary>
    /// Serves one client over a pair of streams (stdio, tests, pipes). Lines that are not JSON-RPC get their error answer
    /// (-32700, -32600) instead of silence.
    /// </summary>
    public async Task RunStreamsAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var checkedLines = new System.IO.Pipelines.Pipe();
        await using var transport = new StreamServerTransport(checkedLines.Reader.AsStream(), output, Name, _loggerFactory);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var guard = JsonRpcLineGuard.RunAsync(input, checkedLines.Writer, transport, stop.Token);
        try
        {
            await RunAsync(transport, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // A read of stdin may not notice the cancellation; the process is ending anyway.
            await guard.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
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

    private const string Instructions =
        "DubAgent dubs a video into another language. Each step is a tool: analyze_media, separate_audio, transcribe, diarize, " +
        "translate, synthesize, mix, export (list_engines shows which engines can run here; run_pipeline runs a whole recipe such as dub). " +
        "Every call runs in a job: pass the `job` of an earlier result to keep one dub's outputs together. `background: true` answers at once. A call that takes longer than " +
        "a short wait answers status 'working' with its job id and goes on; follow it with get_job (wait: 30) until it ends, or stop it " +
        "with cancel_job. Outputs are resources dubagent://jobs/{job}/{step}/{file}; dubagent://jobs/{job} is a job's state. " +
        "Files must be inside the server's allowed folders (--root, or the roots your client announces). " +
        "run_pipeline with review: true pauses after translation so the user can accept or edit the lines that do not fit their slot " +
        "(asked through elicitation when your client supports it); a job with status 'paused' goes on with run_pipeline {\"resume\": job}. " +
        "The prompt dub_video walks through a whole dub; review_translation shows lines that do not fit their time slot.";
}
