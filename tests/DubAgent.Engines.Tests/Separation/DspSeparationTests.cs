using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Separation.Dsp;

namespace DubAgent.Engines.Tests.Separation;

public sealed class DspSeparationTests : IDisposable
{
    private readonly SeparationMedia _media = new();

    [Fact]
    public void Vocals_beat_the_mixture_floor_and_the_stems_add_up_to_the_source()
    {
        const int rate = 16000;
        var (voice, background) = SyntheticMixture.Make(rate, 8);
        var mixture = SyntheticMixture.Sum(voice, background);
        var input = _media.PathOf("mix.wav");
        WavWriter.WriteAll(input, new AudioFormat(rate, 1, SampleEncoding.Float32), mixture);

        var result = new SpectralSeparator().Separate(input, _media.PathOf("out"), splitBackground: true);

        var vocals = WavReader.ReadAll(result.Stems["vocals"]).Samples;
        var rest = WavReader.ReadAll(result.Stems["background"]).Samples;
        Assert.Equal(mixture.Length, vocals.Length);
        var floor = SdrBssEval.Sdr(voice, mixture, 256);
        var sdr = SdrBssEval.Sdr(voice, vocals, 256);
        Assert.True(sdr > floor + 5, $"vocals SDR {sdr:0.0} dB vs mixture floor {floor:0.0} dB");
        Assert.True(SdrBssEval.Sdr(background, rest, 256) > SdrBssEval.Sdr(background, mixture, 256) + 3);
        for (var i = 0; i < mixture.Length; i++) Assert.Equal(mixture[i], vocals[i] + rest[i], 2e-4f);

        var music = WavReader.ReadAll(result.Stems["music"]).Samples;
        var sfx = WavReader.ReadAll(result.Stems["sfx"]).Samples;
        for (var i = 0; i < rest.Length; i += 7) Assert.Equal(rest[i], music[i] + sfx[i], 2e-4f);
        Assert.InRange(result.SpeechSeconds, 3, 7);
    }

    [Fact]
    public void Block_size_changes_nothing_but_memory()
    {
        const int rate = 8000;
        var (voice, background) = SyntheticMixture.Make(rate, 5.3);
        var input = _media.PathOf("blocks.wav");
        WavWriter.WriteAll(input, new AudioFormat(rate, 1, SampleEncoding.Float32), SyntheticMixture.Sum(voice, background));
        var small = new SpectralSeparator(DspSeparationSettings.Default with { BlockSeconds = 1.3 }).Separate(input, _media.PathOf("small"), false);
        var large = new SpectralSeparator().Separate(input, _media.PathOf("large"), false);
        var a = WavReader.ReadAll(small.Stems["vocals"]).Samples;
        var b = WavReader.ReadAll(large.Stems["vocals"]).Samples;
        Assert.Equal(b.Length, a.Length);
        // Blocks see the same frames with their full context; only the noise-floor window of the detector is shorter.
        var sdr = SdrScaleInvariant.Compute(b, a);
        Assert.True(sdr > 15, $"small-block output differs from one pass: {sdr:0.0} dB");
    }

    public void Dispose() => _media.Dispose();
}
