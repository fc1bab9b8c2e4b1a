using DubAgent.Engines.Synthesis;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class DspTests
{
    private static float[] Voiced(double hz, int rate, int length)
    {
        // A few harmonics with a weak fundamental, like a voice.
        var frame = new float[length];
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / rate;
            frame[i] = (float)(0.2 * Math.Sin(2 * Math.PI * hz * t) + 0.4 * Math.Sin(2 * Math.PI * 2 * hz * t) + 0.3 * Math.Sin(2 * Math.PI * 3 * hz * t));
        }
        return frame;
    }

    [Theory]
    [InlineData(95.0)]
    [InlineData(130.0)]
    [InlineData(220.0)]
    [InlineData(310.0)]
    public void Pitch_of_a_harmonic_frame_is_found_within_two_percent(double hz)
    {
        var f0 = PitchEstimator.EstimateHz(Voiced(hz, 16000, 640), 16000);
        Assert.NotNull(f0);
        Assert.InRange(f0!.Value, hz * 0.98, hz * 1.02);
    }

    [Fact]
    public void Noise_and_silence_are_unvoiced()
    {
        var random = new Random(1);
        var noise = Enumerable.Range(0, 640).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        Assert.Null(PitchEstimator.EstimateHz(noise, 16000));
        Assert.Null(PitchEstimator.EstimateHz(new float[640], 16000));
    }

    [Fact]
    public void Relative_pitch_maps_a_low_male_to_zero_and_a_high_female_to_one()
    {
        Assert.Equal(0, VoiceCaster.RelativePitch(70));
        Assert.Equal(1, VoiceCaster.RelativePitch(300));
        Assert.InRange(VoiceCaster.RelativePitch(150), 0.4, 0.6);
    }

    [Fact]
    public void Speech_bounds_skip_edge_silence()
    {
        using var kit = new SynthesisTestKit();
        var path = kit.PathOf("tone.wav");
        SynthesisTestKit.WriteTone(path, 22050, 0.3, 1.0, 0.5);
        var bounds = SpeechBounds.Measure(path);
        Assert.InRange(bounds.Seconds, 1.0, 1.05);
        Assert.InRange(bounds.StartFrame / 22050.0, 0.27, 0.30);
        Assert.Equal((long)(1.8 * 22050), bounds.TotalFrames);
    }

    [Fact]
    public void Speech_bounds_of_a_silent_clip_are_empty()
    {
        using var kit = new SynthesisTestKit();
        var path = kit.PathOf("silence.wav");
        SynthesisTestKit.WriteTone(path, 16000, 1.0, 0, 0);
        Assert.Equal(0, SpeechBounds.Measure(path).Seconds);
    }

    [Fact]
    public void Espeak_voice_listing_gives_languages_and_aliases()
    {
        const string listing = """
            Pty Language       Age/Gender VoiceName          File                 Other Languages
             5  af              --/M      Afrikaans          gmw/af
             5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)
             5  es              --/M      Spanish_(Spain)    roa/es
             5  pt-BR           --/M      Portuguese_(Brazil) roa/pt-BR            (pt 5)
            """;
        var languages = new EspeakLanguages(listing);
        Assert.Equal("es", languages.VoiceFor("es"));
        Assert.Equal("es", languages.VoiceFor("es-MX"));
        Assert.Equal("cmn", languages.VoiceFor("zh"));
        Assert.Equal("pt-BR", languages.VoiceFor("pt"));
        Assert.Equal("pt-BR", languages.VoiceFor("pt_BR"));
        Assert.Null(languages.VoiceFor("xx"));
        Assert.DoesNotContain(languages.Codes, c => c.Contains('/'));
    }
}
