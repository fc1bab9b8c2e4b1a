using DubAgent.Abstractions.Errors;

namespace DubAgent.Cli;

/// <summary>Prints an error as one line and a hint; the stack trace only with --verbose.</summary>
public static class ErrorReport
{
    public static int Print(Exception e, TextWriter stderr, bool verbose)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        if (inner is DubAgentException d)
        {
            stderr.WriteLine($"error: {d.Message}");
            if (d.Hint is { Length: > 0 } hint) stderr.WriteLine($"hint: {hint}");
            var tail = StepError(d) switch { MediaException m => m.StderrTail, EngineFailedException f => f.StderrTail, _ => null };
            if (!string.IsNullOrWhiteSpace(tail)) stderr.WriteLine($"program output:\n{tail}");
        }
        else
        {
            stderr.WriteLine($"error: {inner.Message}");
            if (!verbose) stderr.WriteLine("hint: run again with --verbose for details, and report it if it persists.");
        }
        if (verbose) stderr.WriteLine(inner);
        return (inner is DubAgentException known ? StepError(known) : inner) switch
        {
            InputException => 2,
            PipelineException => 2,
            EngineUnavailableException => 3,
            _ => 1,
        };
    }

    /// <summary>A recipe step's own error inside the PipelineException that locates it: its kind decides the exit code.</summary>
    private static DubAgentException StepError(DubAgentException e) =>
        e is PipelineException { InnerException: DubAgentException step and not PipelineException } ? step : e;
}
