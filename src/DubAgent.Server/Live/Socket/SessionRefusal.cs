using System.Net.WebSockets;
using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Socket;

/// <summary>A socket the server cannot serve gets one error message with the fix, then a Try Again Later close.</summary>
public static class SessionRefusal
{
    public static Task SendAsync(WebSocket socket, string reason, int max) => SendAsync(socket, reason,
        $"Retry when a session ends, or raise Live:MaxSessions (now {max}) if the machine has the cores for more.");

    public static async Task SendAsync(WebSocket socket, string reason, string hint)
    {
        var message = new ErrorMessage(reason, hint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.SendAsync(message.ToUtf8(), WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
            await socket.CloseOutputAsync((WebSocketCloseStatus)1013, "session limit", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client left already.
        }
    }
}
