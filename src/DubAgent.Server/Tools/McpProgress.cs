using System.Threading.Channels;
using DubAgent.Abstractions;
using DubAgent.Server.Jobs;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>
/// Turns a tool's <see cref="ProgressUpdate"/>s into MCP notifications/progress for a call that sent a progressToken:
/// in order, at most one every <see cref="Interval"/> unless the message changes, with a never-decreasing value
/// (0..100). Every update is also kept on the job step for get_job.
/// </summary>
public sealed class McpProgress : IProgress<ProgressUpdate>, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly JobStep? _step;
    private readonly Channel<ProgressNotificationValue>? _pending;
    private readonly Task _pump = Task.CompletedTask;
    private readonly object _gate = new();
    private long _lastSent = long.MinValue;
    private string? _lastMessage;
    private float _value;

    public McpProgress(McpServer? server, ProgressToken? token, JobStep? step)
    {
        _step = step;
        if (server is null || token is not { } progressToken) return;
        _pending = Channel.CreateUnbounded<ProgressNotificationValue>(new UnboundedChannelOptions { SingleReader = true });
        _pump = PumpAsync(server, progressToken, _pending.Reader);
    }

    /// <summary>Detaches from the MCP request (a call that went on in the background): later updates only reach the step.</summary>
    public void Detach() => _pending?.Writer.TryComplete();

    public void Report(ProgressUpdate value)
    {
        _step?.Report(value);
        if (_pending is null) return;
        lock (_gate)
        {
            var now = Environment.TickCount64;
            var fraction = value.Fraction is { } f ? (float)Math.Round(Math.Clamp(f, 0, 1) * 100, 1) : _value;
            var changed = value.Message != _lastMessage;
            if (!changed && fraction <= _value) return;
            if (!changed && fraction < 100 && now - _lastSent < Interval.TotalMilliseconds) return;
            _value = Math.Max(_value, fraction);
            _lastSent = now;
            _lastMessage = value.Message;
            _pending.Writer.TryWrite(new ProgressNotificationValue { Progress = _value, Total = 100, Message = value.Message });
        }
    }

    private static async Task PumpAsync(McpServer server, ProgressToken token, ChannelReader<ProgressNotificationValue> reader)
    {
        await foreach (var value in reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await server.NotifyProgressAsync(token, value, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The client went away: progress is best effort, the call's own result still decides.
                return;
            }
        }
    }

    /// <summary>Sends what is pending, so every notification precedes the call's response.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending?.Writer.TryComplete();
        await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
