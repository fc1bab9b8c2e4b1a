using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Tests.Mixing;

/// <summary>The volume controls scale each input by exactly their gain (measured before loudness normalization).</summary>
public class VolumeTests
{
    [Fact]
    public async Task Each_gain_scales_its_input()
    {
        using var media = new MixMedia();
        var voice = await media.GenerateAsync("voice.wav", "sine=f=1000:d=4:sample_rate=48000", "volume='between(t,2,4)':eval=frame", "-c:a", "pcm_f32le");
        var bed = await media.GenerateAsync("bed.wav", "sine=f=200:d=4:sample_rate=48000", null, "-c:a", "pcm_f32le");
        var music = await media.GenerateAsync("music.wav", "sine=f=500:d=4:sample_rate=48000", null, "-c:a", "pcm_f32le");

        async Task<string> RenderAsync(double voiceGain, double bedGain, double musicGain)
        {
            var output = media.PathOf($"mix-{Guid.NewGuid():N}.wav");
            var graph = new MixGraph
            {
                Voice = new MixInput(voice, 1, voiceGain),
                Bed = new MixInput(bed, 1, bedGain),
                Music = new MixInput(music, 1, musicGain),
                SampleRate = 48000,
                Channels = 1,
                Frames = 4 * 48000,
                Ducking = DuckingSettings.Default with { DepthDb = 0 },
            };
            await media.Ffmpeg.RunAsync(graph.BuildArguments(output), 4, null, "mix", CancellationToken.None);
            return output;
        }

        // Three sines at -18.06 dBFS peak (-21.07 dBFS RMS each); uncorrelated frequencies add in power.
        var unity = await RenderAsync(1, 1, 1);
        var quiet = await RenderAsync(2, 0.5, 0);
        Assert.InRange(MixMedia.LevelDb(unity, 0.5, 1), -18.3, -17.8);   // bed + music: -21.07 + 3.01
        Assert.InRange(MixMedia.LevelDb(quiet, 0.5, 1), -27.3, -26.9);   // bed at 0.5 alone: -21.07 - 6.02
        Assert.InRange(MixMedia.LevelDb(unity, 2.5, 1), -16.5, -16.1);   // three at unity: -21.07 + 4.77
        // voice x2 (+6.02) with the bed at 0.5: 10·log10(4 + 0.25) - 21.07
        Assert.InRange(MixMedia.LevelDb(quiet, 2.5, 1), -14.9, -14.5);
    }
}
