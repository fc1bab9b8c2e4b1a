using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Calls;
using DubAgent.Core.Paths;
using DubAgent.Core.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using DubAgent.Server.Review;
using DubAgent.Server.Roots;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Roots and sampling are deprecated only from spec 2026-07-28 on; the clients of today (protocol 2025-xx) use them.
#pragma warning disable MCP9005

namespace DubAgent.Server.Tools;

/// <summary>
/// Runs one MCP tools/call. Everything that can refuse the call is checked before a job folder exists (arguments,
/// output paths, the tool's own preflight). Work then runs in the job on its own token: the call answers with the
/// result when the work ends within the foreground wait, or else answers "working" with the job id and a link to
/// follow while the work goes on, so no client timeout can lose a dub. Progress notifications (with a heartbeat)
/// follow the work while the client waits.
/// </summary>
public sealed class ToolCallRunner(
    ToolInvoker invoker,
    IToolCall calls,
    JobStore jobs,
    CallQueue queue,
    ArtifactCatalog artifacts,
    ReviewFlow review,
    DubAgentServerOptions options,
    IServiceProvider services,
    ILoggerFactory loggerFactory)
{
    public const string JobArgument = "job";
    public const string BackgroundArgument = "background";
    private const int MaxLinks = 12;

    private readonly ILogger _logger = loggerFactory.CreateLogger("DubAgent.Server.Tools");

    public ToolInvoker Invoker => invoker;

    /// <summary>Whether calls of this tool run in a job (and so take the extra `job` and `background` arguments).</summary>
    public static bool RunsInJob(ITool tool) => tool is not (IServerTool { Kind: ServerToolKind.Query } or IJoblessTool);

    public async ValueTask<CallToolResult> RunAsync(ITool tool, RequestContext<CallToolRequestParams> request, McpSessionState session,
        CancellationToken cancellationToken)
    {
        var log = new CallLogger(loggerFactory.CreateLogger($"DubAgent.Tools.{tool.Name}"), tool.Name, request.Server, request.JsonRpcRequest);
        var joined = new JoinedJob();
        try
        {
            var call = await PlanAsync(tool, request, session, cancellationToken).ConfigureAwait(false);
            return RunsInJob(tool)
                ? await RunInJobAsync(tool, call, log, joined, cancellationToken).ConfigureAwait(false)
                : await RunQueryAsync(tool, call, log, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client cancelled the request (notifications/cancelled, or a closed HTTP request): the SDK sends no response.
            throw;
        }
        catch (InputRequiredException)
        {
            // A stateless (2026-07-28) client is asked through the SDK's multi-round-trip result; it retries with the answer.
            throw;
        }
        catch (OperationCanceledException) when (joined.Job is { } job)
        {
            return ResultText.Error($"error (cancelled): the call was stopped with cancel_job (job {job.Id}).");
        }
        catch (Exception e)
        {
            var text = ToolErrorText.Of(e);
            if (joined.Job is { } job && joined.Made && IsRefusal(e) && IsUntouched(job))
            {
                jobs.Discard(job);
                joined.Job = null;
            }
            return ResultText.Error(joined.Job is { } kept ? $"{text}\njob: {kept.Id}" : text);
        }
        finally
        {
            // Every log line goes out before the response, and none after it.
            await log.DetachAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The call's arguments bound and checked, its allowed folders and the client's model: nothing written yet.</summary>
    private async Task<CallPlan> PlanAsync(ITool tool, RequestContext<CallToolRequestParams> request, McpSessionState session,
        CancellationToken cancellationToken)
    {
        var arguments = request.Params?.Arguments is { } given ? new Dictionary<string, JsonElement>(given) : [];
        var jobId = RunsInJob(tool) ? TakeString(tool, arguments, JobArgument) : null;
        var background = RunsInJob(tool) && TakeBoolean(tool, arguments, BackgroundArgument);
        var bound = invoker.Bind(tool, JsonSerializer.SerializeToElement(arguments));
        // A call retried with the review form's answer resumes the job its first round paused.
        if (bound is RunPipelineArguments && ReviewFlow.RetriedResume(request.Params) is { } retried) bound = new RunPipelineArguments { Resume = retried };
        // A resumed recipe run goes on in its own job.
        if (bound is RunPipelineArguments { Resume: { } resumed })
            jobId = jobId is null || jobId == resumed ? resumed
                : throw new InputException($"`resume` ({resumed}) and `job` ({jobId}) name different jobs.", "Leave out `job`: a resume runs in the job it continues.");
        var callerChat = CallerChat(request.Server, arguments);
        var paths = await PathsAsync(request.Server, session, cancellationToken).ConfigureAwait(false);
        // Refused now, a call that runs in a job leaves no job folder behind.
        if (RunsInJob(tool)) await CheckBeforeWorkAsync(tool, bound, arguments, paths, cancellationToken).ConfigureAwait(false);
        return new CallPlan(request.Server, request.Params, request.Params?.ProgressToken, bound, jobId, background, paths, callerChat);
    }

    private async Task<CallToolResult> RunQueryAsync(ITool tool, CallPlan call, CallLogger log, CancellationToken cancellationToken)
    {
        await using var progress = new McpProgress(call.Server, call.ProgressToken, null, options.ProgressHeartbeat);
        var context = NewContext(jobs.Directory, jobs.Directory, progress, cancellationToken, log, call.Paths, call.CallerChat, McpCallerQuestions.For(call.Server));
        var answer = await calls.InvokeAsync(new ToolCallRequest(tool, call.Bound, context), cancellationToken).ConfigureAwait(false);
        return ResultText.Query(answer);
    }

    /// <summary>
    /// Starts the work in its job, then waits for it up to the foreground wait: its result if it ends in time, else
    /// "working" with the job to follow while the work goes on.
    /// </summary>
    private async Task<CallToolResult> RunInJobAsync(ITool tool, CallPlan call, CallLogger log, JoinedJob joined, CancellationToken cancellationToken,
        TimeSpan? wait = null)
    {
        var job = call.JobId is null ? jobs.Create() : jobs.Open(call.JobId);
        joined.Job = job;
        joined.Made = call.JobId is null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (await review.BeforeResumeAsync(call.Server, call.Request, call.Background, call.Bound, job, cancellationToken).ConfigureAwait(false) is { } asked)
            call = call with { Bound = asked };
        var step = tool is IServerTool ? job.TrackStep(tool.Name, tool.Name, job.Directory) : job.AddStep(tool.Name);
        var progress = new McpProgress(call.Background ? null : call.Server, call.ProgressToken, step, options.ProgressHeartbeat);
        var work = new JobWork(job, step);
        log.LogInformation("{Tool} started: job {Job}, step {Step}", tool.Name, job.Id, step.Name);
        work.Start(stop => RunStepAsync(tool, call, job, step, progress, log, stop), _logger, tool);

        var waited = call.Background ? TimeSpan.Zero : wait ?? options.ForegroundWait;
        try
        {
            var result = await work.Completion.WaitAsync(waited, cancellationToken).ConfigureAwait(false);
            // Paused for review while the client waits and can be asked: ask now and go on in the time left.
            if (ReviewFlow.ContinueAfterPause(call.Server, call.Background, call.Bound, result, job) is { } resume)
            {
                await progress.DetachAsync().ConfigureAwait(false);
                var left = waited - clock.Elapsed;
                return await RunInJobAsync(tool, call with { Bound = resume, JobId = job.Id }, log, joined, cancellationToken,
                    left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
            }
            return Finished(tool, result, job, step);
        }
        catch (TimeoutException)
        {
            // Longer than the client should wait: answer with the job and let the work go on.
            return ResultText.Working(job, step, waited);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up on the call while waiting for it: stop the work too.
            await work.StopAsync("the client cancelled the request").ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Every notification goes out before the response, and none after it.
            await progress.DetachAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Output paths and the tool's own preflight (an unreachable language, an unknown recipe), before any folder exists.</summary>
    private async Task CheckBeforeWorkAsync(ITool tool, object bound, Dictionary<string, JsonElement> arguments, IPathPolicy paths,
        CancellationToken cancellationToken)
    {
        OutputArguments.Check(tool, arguments);
        if (tool is IServerPreflight server) await server.CheckAsync(bound, paths, cancellationToken).ConfigureAwait(false);
        if (tool is IPreflightTool preflight)
        {
            var known = JsonSerializer.SerializeToNode(arguments)?.AsObject() ?? new JsonObject();
            await preflight.PreflightAsync(known, services, cancellationToken).ConfigureAwait(false);
        }
    }

    private CallToolResult Finished(ITool tool, ToolCallResult result, Job job, JobStep step)
    {
        if (tool is IServerTool)
        {
            // A recipe run's files are the whole job's: its deliverables first, the rest on request.
            var ordered = Deliverables.Order(job, artifacts.OfJob(job));
            var links = ordered.Where(f => f.Deliverable).Select(f => f.File).Take(MaxLinks).ToList();
            return ResultText.Finished(result, job, step, links, ordered.Count - links.Count);
        }
        var files = artifacts.OfStep(job, step).Where(f => !Deliverables.IsRecord(f)).ToList();
        return ResultText.Finished(result, job, step, files.Take(MaxLinks).ToList(), Math.Max(0, files.Count - MaxLinks));
    }

    private async Task<ToolCallResult> RunStepAsync(ITool tool, CallPlan call, Job job, JobStep step, McpProgress progress, ILogger log,
        CancellationToken cancellationToken)
    {
        using var slot = await queue.EnterAsync(progress, cancellationToken).ConfigureAwait(false);
        step.MarkRunning();
        var context = NewContext(step.Directory, job.Directory, progress, cancellationToken, log, call.Paths, call.CallerChat, McpCallerQuestions.For(call.Server));
        var result = await calls.InvokeAsync(new ToolCallRequest(tool, call.Bound, context), cancellationToken).ConfigureAwait(false);
        step.MarkSucceeded(result.Report.Engine, ToolInvoker.Summarize(result));
        foreach (var note in result.Report.Notes) log.LogWarning("{Tool}: {Note}", tool.Name, note);
        log.LogInformation("{Tool} finished in {Seconds:0.0} s{Engine}", tool.Name, (result.Ended - result.Started).TotalSeconds,
            result.Report.Engine is { } engine ? $" ({engine})" : "");
        return result;
    }

    private ToolContext NewContext(string workDirectory, string jobDirectory, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken,
        ILogger log, IPathPolicy paths, IChatClient? callerChat, ICallerQuestions? questions) => new()
    {
        WorkDirectory = workDirectory,
        JobDirectory = jobDirectory,
        Services = services,
        Progress = progress,
        CancellationToken = cancellationToken,
        Logger = log,
        Paths = paths,
        CallerChat = callerChat,
        CallerQuestions = questions,
    };

    /// <summary>Refusals of the call itself (what the client asked for cannot be done), not failures of work that started.</summary>
    private static bool IsRefusal(Exception e) => e is InputException or PipelineException or EngineUnavailableException;

    /// <summary>Nothing but records in the job: no step of it delivered anything a client could want back.</summary>
    private bool IsUntouched(Job job) =>
        artifacts.OfJob(job).All(f => Deliverables.IsRecord(f) && Path.GetFileName(f.FullPath) != Core.Workspace.JobWorkspace.RecordFileName);

    /// <summary>The --root folders with the client's roots (added over stdio, narrowing over HTTP), then the jobs folder.</summary>
    public async Task<RootsPathPolicy> PathsAsync(McpServer server, McpSessionState session, CancellationToken cancellationToken)
    {
        var clientRoots = options.AcceptClientRoots ? await session.Roots.GetAsync(server, cancellationToken).ConfigureAwait(false) : [];
        return new RootsPathPolicy([.. AllowedFolders.Of(options.Roots, clientRoots, session.ClientRootsNarrow), jobs.Directory]);
    }

    /// <summary>The client's own model through sampling; asking for `model: client` from a client without it is an input error.</summary>
    private static IChatClient? CallerChat(McpServer server, Dictionary<string, JsonElement> arguments)
    {
        if (server.ClientCapabilities?.Sampling is not null) return ClientModelChatClient.For(server);
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
    public static bool OwnsArgument(ITool tool, string name) => ArgumentShape.Of(tool.ArgumentsType).Names.Contains(name);

    /// <summary>A call checked and ready: what it needs to run, nothing written yet.</summary>
    private sealed record CallPlan(McpServer Server, CallToolRequestParams? Request, ProgressToken? ProgressToken, object Bound, string? JobId, bool Background,
        IPathPolicy Paths, IChatClient? CallerChat);

    /// <summary>The job a call made or joined, once it has one (for the error text, and to discard a job a refusal made).</summary>
    private sealed class JoinedJob
    {
        public Job? Job { get; set; }
        public bool Made { get; set; }
    }
}
