using DubAgent.Cluster.Broker;
using Microsoft.Extensions.Logging;

namespace DubAgent.Cluster.Tests.Broker;

public sealed class BrokerLoggingTests
{
    private static readonly BrokerAddress Broker = BrokerAddress.From(new ClusterOptions { Broker = "amqp://dubuser:s3cret-pass@broker.example/dub" });

    [Fact]
    public void MassTransit_logs_below_warning_are_dropped_and_credentials_never_reach_the_log()
    {
        var heard = new Heard();
        using var factory = LoggerFactory.Create(b => b.AddProvider(heard).SetMinimumLevel(LogLevel.Trace));
        var logger = new BrokerLogging(factory, Broker).CreateLogger("MassTransit");

        logger.LogInformation("Bus started: rabbitmq://broker.example/dub");
        logger.LogDebug("Connecting dubuser");
        logger.LogWarning(new InvalidOperationException("None of the specified endpoints were reachable for amqp://dubuser:s3cret-pass@broker.example"),
            "Connection failed for {User}", "dubuser");

        var line = Assert.Single(heard.Lines);
        Assert.StartsWith("Warning: Connection failed for ****: None of the specified endpoints were reachable for amqp://****:****@broker.example", line);
        Assert.DoesNotContain("s3cret", line);
    }

    [Fact]
    public void A_channel_closed_for_the_consumer_timeout_becomes_one_error_saying_what_to_change()
    {
        var heard = new Heard();
        using var factory = LoggerFactory.Create(b => b.AddProvider(heard));
        var logger = new BrokerLogging(factory, Broker).CreateLogger("MassTransit.ReceiveTransport");

        // RabbitMQ's own words when a delivery is held past consumer_timeout.
        logger.LogError(new Exception("The AMQP operation was interrupted: AMQP close-reason, initiated by Peer, code=406, text='PRECONDITION_FAILED - "
                                      + "delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more'"),
            "Consumer channel faulted");

        var line = Assert.Single(heard.Lines);
        Assert.StartsWith("Error: The broker (amqp://broker.example:5672/dub) closed a worker channel because a step ran longer than its consumer_timeout", line);
        Assert.Contains("consumer_timeout = 10800000", line);
    }

    private sealed class Heard : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add($"{logLevel}: {formatter(state, exception)}");
        }

        public void Dispose()
        {
        }
    }
}
