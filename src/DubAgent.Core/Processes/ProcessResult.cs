namespace DubAgent.Core.Processes;

/// <summary>How a program ended: exit code, its stdout, and the tail of its stderr.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StderrTail, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
}
