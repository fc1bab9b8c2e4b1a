namespace DubAgent.Core.Processes;

/// <summary>Runs external programs. The one way DubAgent starts any process.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs to completion and returns the exit code (non-zero is not an exception: the caller words the error).
    /// Throws EngineUnavailableException when the program is not found, EngineFailedException on timeout,
    /// OperationCanceledException when cancelled (the process tree is killed first).
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
