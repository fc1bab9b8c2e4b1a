using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using DubAgent.Abstractions;
using DubAgent.Server.Jobs;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>
/// Turns a tool's <see cref="ProgressUpdate"/>s into MCP notifications/progress for a call that sent a progressToken:
/// in order, at most one every <see cref="Interval"/> unless the message changes, each with a larger value than the one
/// before (0..100, as MCP requires). While the tool is quiet (a long transcription reports nothing for a minute) a
/// heartbeat repeats the last stage and fraction with the time spent, so the client knows the call is alive. Every
/// update is also kept on the job step for get_job.
/// </summary>
public sealed class McpProgress : IProgress<ProgressUpdate>, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // What a heartbeat adds to the value: far below the 0.1 steps real progress takes, so a day of heartbeats moves it < 2.
    private const float Nudge = 0.0001f;

    private readonly JobStep? _step;
    private readonly Channel<ProgressNotificationValue>? _pending;
    private readonly Task _pump = Task.CompletedTask;
    private readonly Timer? _heartbeat;
    private readonly long _heartbeatMs;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _lastSent;
    private string? _lastMessage;
    private float _sent = -1;
    private float _fraction;

    public McpProgress(McpServer? server, ProgressToken? token, JobStep? step, TimeSpan? heartbeat = null)
    {
        _step = step;
        if (server is null || token is not { } progressToken) return;
        _pending = Channel.CreateUnbounded<ProgressNotificationValue>(new UnboundedChannelOptions { SingleReader = true });
        _pump = PumpAsync(server, progressToken, _pending.Reader);
        if (heartbeat is { } every && every > TimeSpan.Zero)
        {
            _heartbeatMs = (long)every.TotalMilliseconds;
            _heartbeat = new Timer(_ => Beat(), null, every, every);
        }
    }

    /// <summary>Detaches from the MCP request (a call that goes on in the background): later updates only reach the step.</summary>
    public async ValueTask DetachAsync()
    {
        if (_heartbeat is not null) await _heartbeat.DisposeAsync().ConfigureAwait(false);
        lock (_gate) _pending?.Writer.TryComplete();
        // What was queued goes out before the call's response.
        await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Report(ProgressUpdate value)
    {
        _step?.Report(value);
        if (_pending is null) return;
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            var fraction = value.Fraction is { } f ? (float)Math.Round(Math.Clamp(f, 0, 1) * 100, 1) : _fraction;
            var changed = value.Message != _lastMessage;
            if (!changed && fraction <= _fraction) return;
            if (!changed && fraction < 100 && now - _lastSent < Interval.TotalMilliseconds) return;
            _fraction = Math.Max(_fraction, fraction);
            _lastMessage = value.Message;
            Send(_fraction, value.Message, now);
        }
    }

    private void Beat()
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            // A heartbeat only fills silence: a tool that reports often needs none.
            if (now - _lastSent < _heartbeatMs * 3 / 4) return;
            var seconds = (now / 1000).ToString(CultureInfo.InvariantCulture);
            Send(_fraction, $"{_lastMessage ?? "working"} ({seconds} s)", now);
        }
    }

    /// <summary>Queues one notification whose value is above every earlier one (MCP: progress must increase).</summary>
    private void Send(float fraction, string? message, long now)
    {
        var value = Math.Max(fraction, _sent + Nudge);
        if (value > 100) return;
        if (_pending!.Writer.TryWrite(new ProgressNotificationValue { Progress = value, Total = 100, Message = message }))
        {
            _sent = value;
            _lastSent = now;
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
    public ValueTask DisposeAsync() => DetachAsync();
}
