using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Tests.Mixing;

/// <summary>A tone (the bed) under bursts of noise (the voice): the tone must drop by the configured depth under each burst.</summary>
public class DuckingTests
{
    private static async Task<(string Voice, string Bed)> SignalsAsync(MixMedia media, string bursts)
    {
        var voice = await media.GenerateAsync("voice.wav", "anoisesrc=d=10:c=pink:r=48000:a=0.1:seed=7",
            $"volume='{bursts}':eval=frame", "-c:a", "pcm_f32le");
        var bed = await media.GenerateAsync("bed.wav", "sine=f=440:d=10:sample_rate=48000", "volume=2", "-ac", "2", "-c:a", "pcm_f32le");
        return (voice, bed);
    }

    private static async Task<string> DuckAsync(MixMedia media, string voice, string bed, DuckingSettings ducking)
    {
        var ducked = media.PathOf($"ducked-{Guid.NewGuid():N}.wav");
        var graph = new MixGraph
        {
            Voice = new MixInput(voice, 1, 1.0),
            Bed = new MixInput(bed, 2, 1.0),
            SampleRate = 48000,
            Channels = 2,
            Frames = 480000,
            Ducking = ducking,
            DuckedBedPath = ducked,
        };
        await media.Ffmpeg.RunAsync(graph.BuildArguments(media.PathOf($"mix-{Guid.NewGuid():N}.wav")), 10, null, "mix", CancellationToken.None);
        return ducked;
    }

    [Theory]
    [InlineData(6)]
    [InlineData(12)]
    [InlineData(20)]
    public async Task Bed_drops_by_the_configured_depth_under_the_voice(double depth)
    {
        using var media = new MixMedia();
        var (voice, bed) = await SignalsAsync(media, "between(t,2,4)+between(t,6,8)");
        var ducked = await DuckAsync(media, voice, bed, DuckingSettings.Default with { DepthDb = depth });

        var before = MixMedia.LevelDb(ducked, 0.5, 1.0);
        var under = MixMedia.LevelDb(ducked, 2.5, 1.0);
        var between = MixMedia.LevelDb(ducked, 5.0, 0.8); // release 800 ms: back up within 0.5 s of the end of a burst
        var under2 = MixMedia.LevelDb(ducked, 6.5, 1.0);
        Assert.InRange(before - under, depth - 1, depth + 1);
        Assert.InRange(before - under2, depth - 1, depth + 1);
        // After the release the bed is back to its level.
        Assert.InRange(between - before, -0.5, 0.5);
        // Untouched before the first burst: the bed's own level (0.25 sine, -3 dB per side from -ac 2: -18.06 dBFS RMS).
        Assert.InRange(before, -18.6, -17.5);
    }

    [Fact]
    public async Task Gaps_between_syllables_do_not_make_the_bed_pump()
    {
        using var media = new MixMedia();
        // 150 ms "syllables" with 100 ms gaps from 2 to 5 s.
        var (voice, bed) = await SignalsAsync(media, "between(t,2,5)*lt(mod(t,0.25),0.15)");
        var ducked = await DuckAsync(media, voice, bed, DuckingSettings.Default);
        var levels = Enumerable.Range(0, 20).Select(i => MixMedia.LevelDb(ducked, 2.5 + i * 0.1, 0.05)).ToList();
        Assert.True(levels.Max() - levels.Min() < 1.6, $"bed level moves {levels.Max() - levels.Min():0.0} dB between syllables");
        Assert.InRange(MixMedia.LevelDb(ducked, 0.5, 1) - levels.Average(), 9, 11);
    }

    [Fact]
    public async Task Depth_zero_leaves_the_bed_untouched()
    {
        using var media = new MixMedia();
        var (voice, bed) = await SignalsAsync(media, "between(t,2,4)");
        var ducked = await DuckAsync(media, voice, bed, DuckingSettings.Default with { DepthDb = 0 });
        Assert.InRange(MixMedia.LevelDb(ducked, 0.5, 1) - MixMedia.LevelDb(ducked, 2.5, 1), -0.2, 0.2);
    }
}
