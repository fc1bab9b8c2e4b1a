using DubAgent.Abstractions.Engines;
using DubAgent.Engines.Synthesis;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class VoiceListCacheTests
{
    private sealed class SteppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.Parse("2026-12-01T00:00:00Z");
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private int _fetches;

    private Task<IReadOnlyList<VoiceInfo>> Fetch(CancellationToken _)
    {
        _fetches++;
        return Task.FromResult<IReadOnlyList<VoiceInfo>>([new VoiceInfo($"voice-{_fetches}", ["es"])]);
    }

    [Fact]
    public async Task A_list_is_kept_for_its_lifetime_and_per_account()
    {
        var clock = new SteppedClock();
        var cache = new VoiceListCache(TimeSpan.FromSeconds(60), clock);

        await cache.GetAsync("a", Fetch, default);
        clock.Now = clock.Now.AddSeconds(59);
        Assert.Equal("voice-1", (await cache.GetAsync("a", Fetch, default))[0].Name);
        Assert.Equal("voice-2", (await cache.GetAsync("b", Fetch, default))[0].Name); // another key or endpoint
        clock.Now = clock.Now.AddSeconds(61);
        Assert.Equal("voice-3", (await cache.GetAsync("b", Fetch, default))[0].Name);
        cache.Forget();
        Assert.Equal("voice-4", (await cache.GetAsync("b", Fetch, default))[0].Name);
    }

    [Fact]
    public async Task A_failed_fetch_keeps_nothing()
    {
        var cache = new VoiceListCache(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<HttpRequestException>(() => cache.GetAsync("a", _ => throw new HttpRequestException("refused"), default));
        Assert.Equal("voice-1", (await cache.GetAsync("a", Fetch, default))[0].Name);
    }
}
