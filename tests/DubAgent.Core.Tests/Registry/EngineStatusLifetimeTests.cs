using DubAgent.Abstractions.Engines;
using DubAgent.Core.Registry;

namespace DubAgent.Core.Tests.Registry;

/// <summary>A CLI run checks each engine once; a server given a status lifetime checks again once it has passed.</summary>
public sealed class EngineStatusLifetimeTests
{
    [Fact]
    public async Task Without_a_lifetime_an_engine_is_checked_once()
    {
        var engine = new TurnsOnEngine();
        var registry = new EngineRegistry([engine]);

        Assert.False((await registry.StatusAsync(engine, CancellationToken.None)).Available);
        engine.On = true;
        Assert.False((await registry.StatusAsync(engine, CancellationToken.None)).Available);
        Assert.Equal(1, engine.Checks);
    }

    [Fact]
    public async Task With_a_lifetime_an_engine_started_later_is_seen_once_it_passed()
    {
        var engine = new TurnsOnEngine();
        var registry = new EngineRegistry([engine]) { StatusLifetime = TimeSpan.FromMilliseconds(200) };

        Assert.False((await registry.StatusAsync(engine, CancellationToken.None)).Available);
        engine.On = true;
        Assert.False((await registry.StatusAsync(engine, CancellationToken.None)).Available);
        Assert.Equal(1, engine.Checks);

        await Task.Delay(400);
        Assert.True((await registry.StatusAsync(engine, CancellationToken.None)).Available);
        Assert.Equal(2, engine.Checks);
    }

    /// <summary>An engine that is missing until <see cref="On"/> is set, like a service started after the server.</summary>
    private sealed class TurnsOnEngine : IEngine
    {
        public bool On { get; set; }
        public int Checks { get; private set; }
        public string Name => "later";
        public string Capability => Capabilities.Translate;
        public string Description => "Starts after the server.";

        public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
        {
            Checks++;
            return Task.FromResult(On ? EngineStatus.Ready("1") : EngineStatus.Missing("not running", "start it"));
        }
    }
}
