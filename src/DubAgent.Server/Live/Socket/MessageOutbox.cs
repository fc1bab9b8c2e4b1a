using System.Net.WebSockets;
using System.Threading.Channels;
using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Socket;

/// <summary>
/// The one writer of a session's WebSocket, behind a bounded queue: a slow client first loses partial transcripts,
/// then makes the pipeline wait (which stops the server reading its audio), and one that accepts nothing for the send
/// timeout is disconnected. Memory per session stays bounded however slow the client is.
/// </summary>
public sealed class MessageOutbox : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly TimeSpan _timeout;
    private readonly Channel<ServerMessage> _queue;
    private readonly CancellationTokenSource _stop;
    private readonly Task _sender;
    private long _dropped;

    public MessageOutbox(WebSocket socket, int capacity, TimeSpan timeout, CancellationToken sessionEnd)
    {
        _socket = socket;
        _timeout = timeout;
        _queue = Channel.CreateBounded<ServerMessage>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(sessionEnd);
        _sender = Task.Run(SendLoopAsync);
    }

    /// <summary>Partial transcripts dropped because the client was behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Fires when the client stopped accepting messages (send timeout or a closed socket).</summary>
    public CancellationToken Broken => _stop.Token;

    public async ValueTask PostAsync(ServerMessage message, CancellationToken cancellationToken)
    {
        if (message.IsDroppable())
        {
            if (!_queue.Writer.TryWrite(message)) Interlocked.Increment(ref _dropped);
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        limit.CancelAfter(_timeout);
        try
        {
            await _queue.Writer.WriteAsync(message, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            throw new OperationCanceledException("The client did not accept messages in time.", _stop.Token);
        }
        catch (ChannelClosedException)
        {
            throw new OperationCanceledException("The session's socket is closed.");
        }
    }

    /// <summary>Sends what is queued, then stops taking messages.</summary>
    public async Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        await _sender.WaitAsync(_timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                limit.CancelAfter(_timeout);
                await _socket.SendAsync(message.ToUtf8(), WebSocketMessageType.Text, true, limit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away or stopped reading: the session ends.
            _queue.Writer.TryComplete();
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
