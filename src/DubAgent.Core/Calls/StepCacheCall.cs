using System.Text.Json;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.Logging;

namespace DubAgent.Core.Calls;

/// <summary>
/// Makes a call a recorded step: the cache key from the bound argument record, the engine decision and the contents of
/// the files the arguments name; an unchanged step's recorded result instead of a run; otherwise a clean step folder,
/// the run, and its <see cref="StepRecord"/> written last and added to the job's history. Unrecorded calls pass through.
/// </summary>
public sealed class StepCacheCall(IToolCall inner, EngineRouter router) : DelegatingToolCall(inner)
{
    public override async Task<ToolCallResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        if (request.Step is not { } step) return await Inner.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var (tool, workspace) = (request.Tool, step.Workspace);
        var argumentsJson = ToolInvoker.ArgumentsJson(tool, request.Arguments);
        var decision = request.Engine ?? await router.DefaultAsync(tool, argumentsJson, cancellationToken).ConfigureAwait(false);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in StepCacheKey.FilesNamedIn(argumentsJson))
            hashes[file] = await workspace.Hasher.HashAsync(file, cancellationToken).ConfigureAwait(false);
        // The tool's own code counts too: a rebuilt tool (a new module version id) does not reuse old results.
        var key = StepCacheKey.Compute($"{tool.Name}@{tool.GetType().Module.ModuleVersionId:N}", decision.Ran, decision.Version, argumentsJson, hashes);

        if (step.Reuse && workspace.ReadRecord(step.Id) is { } previous && previous.CacheKey == key && OutputsExist(previous.Result, workspace.Directory))
        {
            request.Context.Logger.LogDebug("Step {Step} is unchanged; reusing {Record}", step.Id, workspace.RecordPath(step.Id));
            step.History.Add(previous);
            return Reused(request, previous);
        }

        // The step's earlier outputs go before it runs again: an interrupted run must not leave them looking current.
        workspace.ResetStep(step.Id);
        step.Running?.Invoke();
        ToolCallResult call;
        try
        {
            call = await Inner.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Failed or cancelled: whatever it wrote is unfinished and must not be taken for its output.
            workspace.TidyStep(step.Id);
            throw;
        }
        workspace.SweepTemporaries(step.Id);
        var record = new StepRecord
        {
            Step = step.Id,
            Tool = tool.Name,
            EngineAsked = decision.Asked,
            EngineRan = call.Report.Engine ?? decision.Ran,
            EngineVersion = call.Report.EngineVersion ?? decision.Version,
            EngineReason = decision.Reason,
            Arguments = argumentsJson,
            InputHashes = hashes,
            CacheKey = key,
            Started = call.Started,
            Ended = call.Ended,
            Seconds = call.Elapsed.TotalSeconds,
            MediaSeconds = call.Report.MediaSeconds,
            RealTimeFactor = call.RealTimeFactor,
            Notes = (decision.FellBack ? [$"fell back: {string.Join("; ", decision.Skipped)}"] : Array.Empty<string>()).Concat(call.Report.Notes).Concat(step.Notes).ToList(),
            Result = call.Json,
        };
        workspace.WriteRecord(record);
        step.History.Add(record);
        return call with { Record = record };
    }

    private static ToolCallResult Reused(ToolCallRequest request, StepRecord previous)
    {
        var report = new ToolRunReport { Engine = previous.EngineRan, EngineVersion = previous.EngineVersion, MediaSeconds = previous.MediaSeconds };
        report.Notes.AddRange(previous.Notes);
        return new ToolCallResult(request.Tool, request.Arguments, previous.Result, previous.Result, report, previous.Started, previous.Ended)
        {
            Record = previous,
            Reused = true,
        };
    }

    /// <summary>A cached result is only reused when the files it names inside the job folder are still there.</summary>
    private static bool OutputsExist(JsonElement result, string jobDirectory)
    {
        var root = Path.GetFullPath(jobDirectory) + Path.DirectorySeparatorChar;
        return Strings(result).Where(s => s.StartsWith(root, StringComparison.Ordinal)).All(p => File.Exists(p) || Directory.Exists(p));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
