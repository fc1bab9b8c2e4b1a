using DubAgent.Abstractions.Errors;

namespace DubAgent.Cli;

/// <summary>Prints an error as one line and a hint; the stack trace only with --verbose.</summary>
public static class ErrorReport
{
    public static int Print(Exception e, TextWriter stderr, bool verbose)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        if (StorageException.IsDiskFull(inner)) inner = new StorageException($"The disk is full: {inner.Message}",
            "Free some space on that disk, or choose an output folder on another disk.", inner);
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
        return ExitCodeOf(inner);
    }

    /// <summary>2 only for bad input (a recipe problem included); a step that failed keeps the exit code of its cause.</summary>
    public static int ExitCodeOf(Exception e) => e switch
    {
        PipelineException { InnerException: { } cause } => ExitCodeOf(cause),
        InputException => 2,
        PipelineException => 2,
        EngineUnavailableException => 3,
        _ => 1,
    };

    /// <summary>A recipe step's own error inside the PipelineException that locates it (for the program output it carries).</summary>
    private static DubAgentException StepError(DubAgentException e) =>
        e is PipelineException { InnerException: DubAgentException step and not PipelineException } ? step : e;
}
