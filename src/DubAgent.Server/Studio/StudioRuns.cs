using System.IO.Pipelines;
using System.Text.Json;
using DubAgent.Core.Workspace;
using DubAgent.Server.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Studio;

/// <summary>
/// The one place the studio starts and stops work: it calls run_pipeline and cancel_job as an MCP client of this very
/// server, over an in-process pipe, so a dub started on a page goes through exactly what an assistant's call does
/// (preflight, job, queue, progress, cache, the roots policy) and depends on nothing beneath the tool surface.
/// </summary>
public sealed class StudioRuns(DubAgentServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private McpClient? _client;
    private Task _serving = Task.CompletedTask;

    /// <summary>Starts a recipe in the background in <paramref name="job"/>; returns the job id, or throws with the refusal's text.</summary>
    public async Task<string> StartAsync(string recipe, IReadOnlyDictionary<string, string> inputs, string? job, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["recipe"] = recipe,
            ["inputs"] = inputs,
            ["background"] = true,
        };
        if (job is not null) arguments["job"] = job;
        var result = await CallAsync("run_pipeline", arguments, cancellationToken).ConfigureAwait(false);
        return result.StructuredContent is { } structured && structured.TryGetProperty("job", out var id) && id.GetString() is { } started
            ? started
            : throw new StudioRefusal(Text(result));
    }

    /// <summary>Runs the job's recipe again with the inputs it was started with: finished steps come from the cache.</summary>
    public Task<string> ResumeAsync(string job, CancellationToken cancellationToken)
    {
        var folder = server.Jobs.Open(job).Directory;
        var record = JobStatus.Read(folder)
                     ?? throw new StudioRefusal($"Job {job} has no recipe run to resume (no job.json): start a new dub instead.");
        if (server.Jobs.Open(job).Status is "running" or "queued") throw new StudioRefusal($"Job {job} is still running.");
        return StartAsync(record.RecipeFile, record.Inputs, job, cancellationToken);
    }

    public async Task CancelAsync(string job, CancellationToken cancellationToken) =>
        await CallAsync("cancel_job", new Dictionary<string, object?> { ["job"] = job }, cancellationToken).ConfigureAwait(false);

    private async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.IsError == true) throw new StudioRefusal(Text(result));
        return result;
    }

    private async Task<McpClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { } ready) return ready;
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { } made) return made;
            var toServer = new Pipe();
            var toClient = new Pipe();
            _serving = server.RunStreamsAsync(toServer.Reader.AsStream(), toClient.Writer.AsStream(), _stop.Token);
            var transport = new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream());
            _client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "dubagent-studio", Version = DubAgentServer.Version },
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return _client;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text).Where(t => !t.TrimStart().StartsWith('{')));

    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _serving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}

/// <summary>The server refused or failed a studio request; the message is the tool's own error text with its hint.</summary>
public sealed class StudioRefusal(string message) : Exception(message);
