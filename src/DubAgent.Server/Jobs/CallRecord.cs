using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Core.Workspace;

namespace DubAgent.Server.Jobs;

/// <summary>
/// `call.json` in a step folder an MCP call made: the one <see cref="StepRecord"/> type with the call's outcome, so a
/// job folder explains itself after the server is gone (and a later export's provenance finds the engine that ran).
/// </summary>
public static class CallRecord
{
    public const string FileName = JobHistory.CallRecordFileName;

    public static void Write(JobStep step, ITool tool)
    {
        if (tool is ISelfRecordingTool || !Directory.Exists(step.Directory)) return;
        var record = new StepRecord
        {
            Step = step.Name,
            Tool = tool.Name,
            Status = JsonNamingPolicy.SnakeCaseLower.ConvertName(step.Status.ToString()),
            EngineRan = step.Engine,
            Started = step.Started ?? default,
            Ended = step.Ended ?? default,
            Seconds = step.Started is { } s && step.Ended is { } e ? Math.Round((e - s).TotalSeconds, 3) : 0,
            Error = step.Error,
            Summary = step.Summary,
        };
        try
        {
            AtomicFile.WriteAllText(Path.Combine(step.Directory, FileName), JsonSerializer.Serialize(record, DubAgentJson.Options));
        }
        catch (IOException)
        {
            // The record explains a job; failing to write it must not fail the call it describes.
        }
    }
}
