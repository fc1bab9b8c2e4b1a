using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Microsoft.Extensions.Logging;

// logging/setLevel is deprecated from 2026-07-28 on (a per-request _meta level replaces it); 2025 clients still use it.
#pragma warning disable MCP9005

namespace DubAgent.Server.Tools;

/// <summary>
/// The logger a call's tool writes to: the server's own log (stderr) and, while the client waits for the call, MCP
/// notifications/message at or above the level the client asked for: the request's own _meta logLevel (2026-07-28)
/// or the session's logging/setLevel (2025-11-25); nothing before it asks. The SDK's client logger reads only the
/// session level, so DubAgent sends these itself, in order, each before the call's response.
/// </summary>
public sealed class CallLogger : ILogger
{
    private readonly ILogger _server;
    private readonly string _category;
    private readonly Func<LoggingLevel?> _clientLevel;
    private readonly Channel<LoggingMessageNotificationParams>? _pending;
    private readonly Task _pump = Task.CompletedTask;

    public CallLogger(ILogger server, string category, McpServer? client = null, JsonRpcRequest? request = null)
    {
        _server = server;
        _category = category;
        _clientLevel = () => request?.Context?.LogLevel ?? client?.LoggingLevel;
        if (client is null) return;
        _pending = Channel.CreateUnbounded<LoggingMessageNotificationParams>(new UnboundedChannelOptions { SingleReader = true });
        _pump = PumpAsync(client, _pending.Reader);
    }

    /// <summary>The call answered: what was logged goes out first, later lines only reach the server's log.</summary>
    public async ValueTask DetachAsync()
    {
        _pending?.Writer.TryComplete();
        await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _server.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _server.IsEnabled(logLevel) || ClientHears(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (_server.IsEnabled(logLevel)) _server.Log(logLevel, eventId, state, exception, formatter);
        if (!ClientHears(logLevel)) return;
        _pending!.Writer.TryWrite(new LoggingMessageNotificationParams
        {
            Level = LevelOf(logLevel),
            Logger = _category,
            Data = JsonSerializer.SerializeToElement(formatter(state, exception), McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string))),
        });
    }

    private bool ClientHears(LogLevel logLevel) =>
        _pending is not null && logLevel != LogLevel.None && _clientLevel() is { } wanted && LevelOf(logLevel) >= wanted;

    private static LoggingLevel LevelOf(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => LoggingLevel.Debug,
        LogLevel.Information => LoggingLevel.Info,
        LogLevel.Warning => LoggingLevel.Warning,
        LogLevel.Error => LoggingLevel.Error,
        _ => LoggingLevel.Critical,
    };

    private static async Task PumpAsync(McpServer client, ChannelReader<LoggingMessageNotificationParams> reader)
    {
        await foreach (var message in reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await client.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, message, McpJsonUtilities.DefaultOptions,
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The client went away: its log is best effort, the call's own result still decides.
                return;
            }
        }
    }
}
