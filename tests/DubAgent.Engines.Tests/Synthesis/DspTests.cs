using DubAgent.Engines.Synthesis;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class DspTests
{
    [Fact]
    public void Speaker_pitch_is_the_median_over_each_speakers_lines()
    {
        using var kit = new SynthesisTestKit();
        var path = kit.PathOf("two-voices.wav");
        const int rate = 44100;
        var samples = new float[6 * rate];
        void Voice(double from, double to, double hz)
        {
            for (var i = (int)(from * rate); i < (int)(to * rate); i++)
            {
                var t = (double)i / rate;
                samples[i] = (float)(0.1 * Math.Sin(2 * Math.PI * hz * t) + 0.2 * Math.Sin(4 * Math.PI * hz * t) + 0.1 * Math.Sin(6 * Math.PI * hz * t));
            }
        }
        Voice(0.5, 2.0, 110);
        Voice(3.0, 4.5, 240);
        Voice(5.0, 5.8, 112);
        using (var writer = new DubAgent.Core.Media.WavWriter(path, new DubAgent.Abstractions.Media.AudioFormat(rate, 1)))
        {
            writer.Write(samples);
            writer.Commit();
        }
        var pitches = SpeakerPitchMeter.Measure(path, [("LOW", 0.5, 2.0), ("HIGH", 3.0, 4.5), ("LOW", 5.0, 5.8), ("SILENT", 2.2, 2.8)], CancellationToken.None);
        Assert.InRange(pitches["LOW"], 107, 115);
        Assert.InRange(pitches["HIGH"], 233, 247);
        Assert.False(pitches.ContainsKey("SILENT"));
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
