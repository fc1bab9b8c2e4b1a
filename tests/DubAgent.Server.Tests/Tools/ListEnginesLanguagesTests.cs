using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Registry;
using DubAgent.Server.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Tests.Tools;

/// <summary>
/// list_engines works the language reach out once and keeps it while the translate and synthesize engines that can run
/// stay the same and the lifetime lasts; an engine that comes up, or the lifetime passing, makes it work it out again.
/// </summary>
public sealed class ListEnginesLanguagesTests
{
    [Fact]
    public async Task The_reach_is_kept_between_calls_and_worked_out_again_when_an_engine_comes_up()
    {
        var engine = new SwitchableEngine();
        var registry = new EngineRegistry([engine]) { StatusLifetime = TimeSpan.Zero };
        var reach = new CountingReach();
        var tool = new ListEnginesTool(registry, reach, TimeSpan.FromHours(1));

        await tool.InvokeAsync(new ListEnginesArguments { Capability = Capabilities.Translate }, Context());
        var kept = await tool.InvokeAsync(new ListEnginesArguments { Capability = Capabilities.Translate }, Context());
        Assert.Equal(1, reach.Asked);
        Assert.Equal("asked 1", Assert.Single(kept.Languages!).Languages);

        engine.Available = true;
        var fresh = await tool.InvokeAsync(new ListEnginesArguments { Capability = Capabilities.Translate }, Context());
        Assert.Equal(2, reach.Asked);
        Assert.Equal("asked 2", Assert.Single(fresh.Languages!).Languages);

        await tool.InvokeAsync(new ListEnginesArguments { Capability = Capabilities.Separate }, Context());
        Assert.Equal(2, reach.Asked);
    }

    [Fact]
    public async Task The_reach_is_worked_out_again_once_its_lifetime_passed()
    {
        var registry = new EngineRegistry([new SwitchableEngine()]);
        var reach = new CountingReach();
        var tool = new ListEnginesTool(registry, reach, TimeSpan.FromMilliseconds(100));

        await tool.InvokeAsync(new ListEnginesArguments(), Context());
        await Task.Delay(250);
        await tool.InvokeAsync(new ListEnginesArguments(), Context());

        Assert.Equal(2, reach.Asked);
    }

    private static ToolContext Context() =>
        new() { WorkDirectory = Path.GetTempPath(), JobDirectory = Path.GetTempPath(), Services = new ServiceCollection().BuildServiceProvider() };

    private sealed class CountingReach : ILanguageReachReport
    {
        public int Asked { get; private set; }

        public Task<IReadOnlyList<LanguageReachLine>> LinesAsync(CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult<IReadOnlyList<LanguageReachLine>>([new LanguageReachLine("translate (switchable)", $"asked {Asked}")]);
        }
    }

    private sealed class SwitchableEngine : IEngine
    {
        public bool Available { get; set; }
        public string Name => "switchable";
        public string Capability => Capabilities.Translate;
        public string Description => "Comes up when told.";

        public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Available ? EngineStatus.Ready("1") : EngineStatus.Missing("down", "bring it up"));
    }
}
