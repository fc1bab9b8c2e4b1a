using DubAgent.Abstractions.Errors;

namespace DubAgent.Server.Jobs;

/// <summary>How an error reads in a tool result: one line saying what, a hint saying what to do, never a stack trace.</summary>
public static class ToolErrorText
{
    public static string Of(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        if (inner is not DubAgentException d)
            return $"error (internal): {inner.Message}\nhint: this is a fault in DubAgent, not in your arguments; the server log (stderr) has the details.";
        var lines = new List<string> { $"error ({d.Kind}): {d.Message}" };
        if (d.Hint is { Length: > 0 } hint) lines.Add($"hint: {hint}");
        var tail = d switch { MediaException m => m.StderrTail, EngineFailedException f => f.StderrTail, _ => null };
        if (!string.IsNullOrWhiteSpace(tail)) lines.Add($"program output (last lines):\n{LastLines(tail, 8)}");
        return string.Join('\n', lines);
    }

    private static string LastLines(string text, int count)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - count)));
    }
}
