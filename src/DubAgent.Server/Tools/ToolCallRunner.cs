using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Tools;
using DubAgent.Server.Hosting;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using DubAgent.Server.Roots;
using DubAgent.Core.Paths;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Roots and sampling are deprecated only from spec 2026-07-28 on; the clients of today (protocol 2025-xx) use them.
#pragma warning disable MCP9005

namespace DubAgent.Server.Tools;

/// <summary>
/// Runs one MCP tools/call: binds the JSON arguments, opens or starts the job, waits for a slot, builds the
/// <see cref="ToolContext"/> (step folder, progress, cancellation, allowed paths, the client's model) and turns the
/// outcome into a short result, or into a tool error (isError) that says what was wrong and what to do.
/// </summary>
public sealed class ToolCallRunner(
    ToolInvoker invoker,
    JobStore jobs,
    CallQueue queue,
    ArtifactCatalog artifacts,
    DubAgentServerOptions options,
    IServiceProvider services,
    ILoggerFactory loggerFactory)
{
    public const string JobArgument = "job";
    public const string BackgroundArgument = "background";

    private readonly ILogger _logger = loggerFactory.CreateLogger("DubAgent.Server.Tools");

    public ToolInvoker Invoker => invoker;

    /// <summary>Whether calls of this tool run in a job (and so take the extra `job` and `background` arguments).</summary>
    public static bool RunsInJob(ITool tool) => tool is not IServerTool { Kind: ServerToolKind.Query };

    public async ValueTask<CallToolResult> RunAsync(ITool tool, RequestContext<CallToolRequestParams> request, McpSessionState session,
        CancellationToken cancellationToken)
    {
        var server = request.Server;
        var arguments = request.Params?.Arguments is { } given ? new Dictionary<string, JsonElement>(given) : [];
        JobStep? step = null;
        Job? job = null;
        McpProgress? progress = null;
        var jobToken = CancellationToken.None;
        var detached = false;
        try
        {
            var jobId = RunsInJob(tool) ? TakeString(tool, arguments, JobArgument) : null;
            var background = RunsInJob(tool) && TakeBoolean(tool, arguments, BackgroundArgument);
            var bound = invoker.Bind(tool, JsonSerializer.SerializeToElement(arguments));
            var callerChat = CallerChat(server, arguments);
            var paths = await PathsAsync(server, session, cancellationToken).ConfigureAwait(false);

            if (!RunsInJob(tool))
            {
                var query = NewContext(jobs.Directory, jobs.Directory, new McpProgress(null, null, null), cancellationToken, tool, paths, callerChat);
                var answer = await invoker.InvokeAsync(tool, bound, query).ConfigureAwait(false);
                return ResultText.Success(answer, null, null, []);
            }

            job = jobId is null ? jobs.Create() : jobs.Open(jobId);
            step = tool is IServerTool ? job.TrackStep(tool.Name, tool.Name, job.Directory) : job.AddStep(tool.Name);
            progress = new McpProgress(background ? null : server, request.Params?.ProgressToken, step);
            if (background)
            {
                detached = true;
                // The job's token is taken now: a cancel_job that arrives before the background task starts must stop it.
                _ = RunInBackgroundAsync(tool, bound, job, step, progress, paths, callerChat, job.CancellationToken);
                return ResultText.Started(job, step);
            }

            jobToken = job.CancellationToken;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, jobToken);
            var result = await RunStepAsync(tool, bound, job, step, progress, paths, callerChat, linked.Token).ConfigureAwait(false);
            await progress.DisposeAsync().ConfigureAwait(false);
            return ResultText.Success(result, job, step, artifacts.OfStep(job, step, 12));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client cancelled the request (notifications/cancelled): the SDK sends no response.
            step?.MarkCancelled("the client cancelled the request");
            throw;
        }
        catch (OperationCanceledException) when (jobToken.IsCancellationRequested)
        {
            step?.MarkCancelled("cancelled with cancel_job");
            return ResultText.Error($"error (cancelled): the call was stopped with cancel_job (job {job?.Id}).");
        }
        catch (Exception e)
        {
            if (e is not DubAgentException) _logger.LogError(e, "Tool {Tool} failed", tool.Name);
            var text = ToolErrorText.Of(e);
            step?.MarkFailed(text);
            return ResultText.Error(job is null ? text : $"{text}\njob: {job.Id}");
        }
        finally
        {
            if (progress is not null && !detached) await progress.DisposeAsync().ConfigureAwait(false);
            if (step is not null) StepRecord.Write(step, tool);
        }
    }

    private async Task RunInBackgroundAsync(ITool tool, object bound, Job job, JobStep step, McpProgress progress, IPathPolicy paths,
        IChatClient? callerChat, CancellationToken jobToken)
    {
        await Task.Yield();
        try
        {
            await RunStepAsync(tool, bound, job, step, progress, paths, callerChat, jobToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            step.MarkCancelled("cancelled with cancel_job");
        }
        catch (Exception e)
        {
            if (e is not DubAgentException) _logger.LogError(e, "Tool {Tool} failed in the background", tool.Name);
            step.MarkFailed(ToolErrorText.Of(e));
        }
        finally
        {
            StepRecord.Write(step, tool);
        }
    }

    private async Task<ToolCallResult> RunStepAsync(ITool tool, object bound, Job job, JobStep step, McpProgress progress,
        IPathPolicy paths, IChatClient? callerChat, CancellationToken cancellationToken)
    {
        using var slot = await queue.EnterAsync(progress, cancellationToken).ConfigureAwait(false);
        step.MarkRunning();
        var context = NewContext(step.Directory, job.Directory, progress, cancellationToken, tool, paths, callerChat);
        var result = await invoker.InvokeAsync(tool, bound, context).ConfigureAwait(false);
        step.MarkSucceeded(result.Report.Engine, ToolInvoker.Summarize(result));
        return result;
    }

    private ToolContext NewContext(string workDirectory, string jobDirectory, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken,
        ITool tool, IPathPolicy paths, IChatClient? callerChat) => new()
    {
        WorkDirectory = workDirectory,
        JobDirectory = jobDirectory,
        Services = services,
        Progress = progress,
        CancellationToken = cancellationToken,
        Logger = loggerFactory.CreateLogger($"DubAgent.Tools.{tool.Name}"),
        Paths = paths,
        CallerChat = callerChat,
    };

    /// <summary>The --root folders with the client's roots (added over stdio, narrowing over HTTP), then the jobs folder.</summary>
    public async Task<RootsPathPolicy> PathsAsync(McpServer server, McpSessionState session, CancellationToken cancellationToken)
    {
        var clientRoots = options.AcceptClientRoots ? await session.Roots.GetAsync(server, cancellationToken).ConfigureAwait(false) : [];
        return new RootsPathPolicy([.. AllowedFolders.Of(options.Roots, clientRoots, session.ClientRootsNarrow), jobs.Directory]);
    }

    /// <summary>The client's own model through sampling; asking for `model: client` from a client without it is an input error.</summary>
    private static IChatClient? CallerChat(McpServer server, Dictionary<string, JsonElement> arguments)
    {
        if (server.ClientCapabilities?.Sampling is not null) return server.AsSamplingChatClient();
        if (arguments.TryGetValue("model", out var model) && model.ValueKind == JsonValueKind.String
            && string.Equals(model.GetString(), "client", StringComparison.OrdinalIgnoreCase))
        {
            var client = server.ClientInfo?.Name ?? "This MCP client";
            throw new InputException($"`model: client` asks for the calling client's own model, but {client} does not offer MCP sampling.",
                "Use a client that supports sampling, or choose another model/engine (e.g. engine: apertium, or an API model configured under Llm).");
        }
        return null;
    }

    private static string? TakeString(ITool tool, Dictionary<string, JsonElement> arguments, string name)
    {
        if (OwnsArgument(tool, name) || !arguments.Remove(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            throw new InputException($"The argument '{name}' of '{tool.Name}' must be a job id string, like the `job` of an earlier result.",
                "Omit it to start a new job.");
        return text;
    }

    private static bool TakeBoolean(ITool tool, Dictionary<string, JsonElement> arguments, string name)
    {
        if (OwnsArgument(tool, name) || !arguments.Remove(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new InputException($"The argument '{name}' of '{tool.Name}' must be true or false.", "Omit it to wait for the result.");
        return value.GetBoolean();
    }

    /// <summary>A tool whose own arguments use the name keeps it; the server's extra argument is then not offered.</summary>
    public static bool OwnsArgument(ITool tool, string name) => Core.Tools.ArgumentShape.Of(tool.ArgumentsType).Names.Contains(name);
}
