namespace DubAgent.Server;

/// <summary>
/// How `dubagent serve` runs: which folders calls may use, where jobs go, how many calls work at once, how long a call
/// answers in the foreground, and the HTTP limits (idle sessions, session count, request size).
/// </summary>
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

    /// <summary>HTTP: a session nobody used for this long is closed (the client then starts a new one).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>HTTP: sessions open at once; a client asking for one more gets 503 with Retry-After.</summary>
    public int MaxSessions { get; set; } = 1000;

    /// <summary>HTTP: the largest request body accepted (413 beyond it). Tool arguments are paths and short texts.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    public const long DefaultMaxResourceBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The largest job file resources/read returns (text, or media as base64). A dub's deliverables (mix.wav of a
    /// minute is 17 MB) fit under the default; MCP has no ranged read, so beyond it the client is given the file's path.
    /// </summary>
    public long MaxResourceBytes { get; set; } = DefaultMaxResourceBytes;

    /// <summary>
    /// How long a call working in a job answers in the foreground before it returns the job id and keeps working in the
    /// background (below the 60 s request timeout of the TypeScript SDK's default client).
    /// </summary>
    public TimeSpan ForegroundWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>While a call works, a progress notification goes out at least this often (a heartbeat naming the stage).</summary>
    public TimeSpan ProgressHeartbeat { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an engine's status (and the languages list_engines reports) holds before it is checked again, so an
    /// engine installed or started while the server runs (Ollama, a downloaded voice) shows without a restart.
    /// </summary>
    public TimeSpan EngineCheckLifetime { get; set; } = TimeSpan.FromMinutes(1);

    public static string DefaultJobsDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data
            ? data
            : Path.GetTempPath(), "dubagent", "jobs");
}
