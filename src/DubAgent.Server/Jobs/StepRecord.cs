using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Server.Jobs;

/// <summary>
/// `call.json` in a step folder an MCP call made: the tool, its outcome, the engine that ran and the timings, so a
/// job folder explains itself after the server is gone. Written to a temporary name, then renamed.
/// </summary>
public static class StepRecord
{
    public const string FileName = "call.json";

    public static void Write(JobStep step, ITool tool)
    {
        if (tool is Tools.IServerTool || !Directory.Exists(step.Directory)) return;
        var record = new
        {
            Tool = tool.Name,
            Status = step.Status,
            Engine = step.Engine,
            Started = step.Started,
            Ended = step.Ended,
            ElapsedSeconds = step.Started is { } s && step.Ended is { } e ? Math.Round((e - s).TotalSeconds, 3) : (double?)null,
            Error = step.Error,
            Summary = step.Summary,
        };
        var path = Path.Combine(step.Directory, FileName);
        var temporary = Path.Combine(step.Directory, $".{FileName}.{Guid.NewGuid():N}.partial");
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(record, DubAgentJson.Options));
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            File.Delete(temporary);
        }
    }
}
