using Microsoft.Extensions.Logging;

namespace DubAgent.Cluster.Broker;

/// <summary>
/// MassTransit's logs, through DubAgent's own logging: warnings and errors only (MassTransit is chatty below that), with
/// the broker's user name and password replaced by **** in the text and in exception messages (exceptions are passed as
/// text, never as objects whose fields a logger could print). A channel the broker closed for holding a step past its
/// consumer_timeout becomes one clear error saying what to change.
/// </summary>
public sealed class BrokerLogging(ILoggerFactory inner, BrokerAddress broker) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Scrubbed(inner.CreateLogger(categoryName), this);

    /// <summary>The last warning or error MassTransit logged (scrubbed): why a start that timed out did not connect.</summary>
    public string? LastProblem { get; private set; }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The application's factory is not ours to dispose.
    }

    /// <summary>The broker's message for a delivery held past consumer_timeout (RabbitMQ 3.8.15 and later).</summary>
    public static bool IsConsumerTimeout(string text) =>
        text.Contains("delivery acknowledgement", StringComparison.OrdinalIgnoreCase) && text.Contains("timed out", StringComparison.OrdinalIgnoreCase);

    public static string ConsumerTimeoutAdvice(BrokerAddress broker) =>
        $"The broker ({broker.Display}) closed a worker channel because a step ran longer than its consumer_timeout (30 minutes by default): "
        + "the step goes back to the queue and runs again. For long steps raise it on the broker, e.g. `consumer_timeout = 10800000` (3 hours) "
        + "in /etc/rabbitmq/rabbitmq.conf, then restart it (docs/cluster.md).";

    public BrokerAddress Broker => broker;

    public string Scrub(string text) => Scrub(text, broker);

    internal static string Scrub(string text, BrokerAddress broker)
    {
        foreach (var secret in new[] { broker.Password, broker.TlsSettings.ClientCertificatePassword, broker.User }.Where(s => s is { Length: > 2 }))
            text = text.Replace(secret!, "****", StringComparison.Ordinal);
        return text;
    }

    private sealed class Scrubbed(ILogger inner, BrokerLogging owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Warnings and errors are always heard (LastProblem), and passed on when the application logs them.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = owner.Scrub(formatter(state, exception));
            var error = exception is null ? null : owner.Scrub(exception.GetBaseException().Message);
            owner.LastProblem = error is null ? text : $"{text}: {error}";
            if (IsConsumerTimeout(text) || error is not null && IsConsumerTimeout(error))
            {
                inner.LogError("{Advice}", ConsumerTimeoutAdvice(owner.Broker));
                return;
            }
            if (!inner.IsEnabled(logLevel)) return;
            if (error is null) inner.Log(logLevel, eventId, "{Message}", text);
            else inner.Log(logLevel, eventId, "{Message}: {Error}", text, error);
        }
    }
}
