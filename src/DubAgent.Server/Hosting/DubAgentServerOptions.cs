namespace DubAgent.Server.Hosting;

/// <summary>How `dubagent serve` runs: which folders calls may use, where jobs go, how many calls work at once.</summary>
public sealed class DubAgentServerOptions
{
    /// <summary>Folders tool calls may read and write (besides the client's roots and the jobs folder).</summary>
    public List<string> Roots { get; } = [];

    /// <summary>Where each job's folder is made.</summary>
    public string JobsDirectory { get; set; } = DefaultJobsDirectory();

    /// <summary>Tool calls working at once; further calls wait their turn.</summary>
    public int MaxConcurrentCalls { get; set; } = 2;

    /// <summary>Whether the roots an MCP client announces widen the allowed folders.</summary>
    public bool AcceptClientRoots { get; set; } = true;

    public static string DefaultJobsDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data
            ? data
            : Path.GetTempPath(), "dubagent", "jobs");
}
