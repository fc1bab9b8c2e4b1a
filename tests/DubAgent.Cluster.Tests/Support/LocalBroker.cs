using System.Diagnostics;
using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace DubAgent.Cluster.Tests.Support;

/// <summary>
/// The real RabbitMQ broker on this machine (`./dubagent test` installs and starts Debian's rabbitmq-server as root).
/// Started here when it is installed but not running; the tests use a virtual host of their own so they can purge its
/// queues. When it cannot start, broker tests skip and say why, except under CI=true, where they fail.
/// </summary>
public sealed class LocalBroker : IAsyncLifetime
{
    public const string VirtualHost = "dubagent-test";

    public string Url => $"amqp://localhost:5672/{VirtualHost}";

    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        if (!await AnswersAsync())
        {
            if (File.Exists("/usr/sbin/rabbitmq-server") && Environment.UserName == "root")
            {
                await RunAsync("rabbitmq-server", "-detached");
                // The node needs a few seconds before it listens.
                for (var i = 0; i < 60 && !await AnswersAsync(); i++) await Task.Delay(TimeSpan.FromSeconds(2));
                await RunAsync("rabbitmqctl", "--timeout", "90", "await_startup");
            }
            if (!await AnswersAsync())
            {
                Unavailable = "no RabbitMQ broker answers on localhost:5672 and it could not be started here "
                              + "(as root: apt-get install -y rabbitmq-server && rabbitmq-server -detached; `./dubagent test` does this)";
                return;
            }
        }
        // Exists already on a second run: add_vhost then fails, and that is fine.
        await RunAsync("rabbitmqctl", "add_vhost", VirtualHost);
        await RunAsync("rabbitmqctl", "set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");
        try
        {
            await using var connection = await ConnectAsync();
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException)
        {
            Unavailable = $"the broker answers but the guest login to virtual host '{VirtualHost}' fails ({e.GetBaseException().Message}); "
                          + $"as root: rabbitmqctl add_vhost {VirtualHost} && rabbitmqctl set_permissions -p {VirtualHost} guest '.*' '.*' '.*'";
        }
    }

    /// <summary>Skips the test when the broker is not there, saying why; under CI a missing broker is a failure.</summary>
    public void Require()
    {
        if (Unavailable is null) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must run the cluster tests: {Unavailable}");
        Skip.If(true, $"Cluster tests skipped: {Unavailable}");
    }

    /// <summary>Messages waiting in a queue of the test virtual host (0 when the queue does not exist).</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    public async Task PurgeAsync(string queue)
    {
        if (await DepthAsync(queue) == 0) return;
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueuePurgeAsync(queue);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@localhost:5672/{VirtualHost}") }.CreateConnectionAsync();

    private static async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("localhost", 5672).WaitAsync(TimeSpan.FromSeconds(3));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            // Not installed or not answering: InitializeAsync then finds no broker and says so.
        }
    }
}
