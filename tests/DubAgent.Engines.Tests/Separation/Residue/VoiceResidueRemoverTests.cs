using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation.Residue;
using DubAgent.Engines.Tests.Separation.Mdx;
using Xunit.Abstractions;

namespace DubAgent.Engines.Tests.Separation.Residue;

/// <summary>
/// The remover on a background made of chords plus a known share of a real (espeak-ng) voice, the rest of that voice
/// being the separated vocals: the voice's remains must leave the background, the music must stay where nobody speaks.
/// </summary>
public sealed class VoiceResidueRemoverTests(ITestOutputHelper output) : IDisposable
{
    private const int Rate = 48000;
    private const int Seconds = 30;
    private readonly SeparationMedia _media = new();

    /// <summary>Chords changing every 2 s (stereo, slightly detuned right) and a voice speaking from 2 to ~9 s and from ~17 to ~24 s (across the 20 s block border).</summary>
    private async Task<(float[] Music, float[] Voice)> SourcesAsync()
    {
        var speech = await _media.SpeakAsync("speech.wav",
            "The harbour was quiet that morning. Nobody had seen the boat come in, but the nets were already drying on the wall.");
        var voice = _media.PathOf("voice.wav");
        await _media.Ffmpeg.RunAsync(["-i", speech, "-filter_complex",
            $"[0:a]aresample={Rate},asplit=2[a][b];[a]adelay=2000:all=1[x];[b]adelay=17000:all=1[y];[x][y]amix=inputs=2:normalize=0,apad=whole_dur={Seconds},atrim=end={Seconds},pan=stereo|c0=c0|c1=c0[v]",
            "-map", "[v]", "-c:a", "pcm_f32le", voice], 0, null, "place the voice", CancellationToken.None);
        const string notes = "if(lt(mod(t,4),2),220,196)";
        var music = await _media.GenerateAsync("music.wav",
            $"aevalsrc='0.05*(sin(2*PI*{notes}*t)+sin(2*PI*1.26*{notes}*t)+sin(2*PI*1.5*{notes}*t))|0.05*(sin(2*PI*1.002*{notes}*t)+sin(2*PI*1.262*{notes}*t)+sin(2*PI*1.503*{notes}*t))':s={Rate}:d={Seconds}",
            "-c:a", "pcm_f32le");
        var length = Seconds * Rate * 2;
        return (Exactly(WavReader.ReadAll(music).Samples, length), Exactly(WavReader.ReadAll(voice).Samples, length));
    }

    private static float[] Exactly(float[] samples, int length)
    {
        var result = new float[length];
        samples.AsSpan(0, Math.Min(length, samples.Length)).CopyTo(result);
        return result;
    }

    private string Write(string name, float[] interleaved)
    {
        var path = _media.PathOf(name);
        WavWriter.WriteAll(path, new AudioFormat(Rate, 2, SampleEncoding.Float32), interleaved);
        return path;
    }

    private float[] Remove(float[] background, float[] vocals, SpeechSpans? speech = null)
    {
        var cleaned = _media.PathOf($"cleaned-{Guid.NewGuid():N}.wav");
        new VoiceResidueRemover().Remove(Write($"bg-{Guid.NewGuid():N}.wav", background), Write($"vo-{Guid.NewGuid():N}.wav", vocals),
            cleaned, SampleEncoding.Float32, CancellationToken.None, speech);
        return WavReader.ReadAll(cleaned).Samples;
    }

    [Fact]
    public async Task The_voice_s_remains_leave_the_background_and_the_music_stays_where_nobody_speaks()
    {
        var (music, voice) = await SourcesAsync();
        var background = music.Zip(voice, (m, v) => m + 0.3f * v).ToArray();
        var vocals = voice.Select(v => 0.7f * v).ToArray();

        var cleaned = Remove(background, vocals);

        Assert.Equal(background.Length, cleaned.Length);
        var before = 20 * Math.Log10(Gain(background, voice));
        var after = 20 * Math.Log10(Math.Abs(Gain(cleaned, voice)));
        var musicKept = 20 * Math.Log10(Gain(cleaned, music));
        // 11 to 15 s: nobody speaks (the hold has long ended): the background is the music, untouched.
        var quiet = TestSignals.Sdr(music, cleaned, 11 * Rate * 2, 15 * Rate * 2);
        output.WriteLine($"voice in the background {before:0.0} dB -> {after:0.0} dB; music kept at {musicKept:0.0} dB; music alone where nobody speaks SDR {quiet:0.0} dB");
        Assert.True(after < -25, $"the voice is still {after:0.0} dB in the background");
        Assert.True(musicKept > -6, $"the music lost {-musicKept:0.0} dB");
        Assert.True(quiet > 60, $"where nobody speaks the music changed (SDR {quiet:0.0} dB)");
    }

    [Fact]
    public async Task Music_the_separation_let_into_the_vocals_is_kept_outside_the_transcript_s_lines()
    {
        var (music, voice) = await SourcesAsync();
        var background = music.Zip(voice, (m, v) => m + 0.3f * v).ToArray();
        // A separation that leaked the music into the vocals stem: without the lines the remover takes it for voice.
        var vocals = music.Zip(voice, (m, v) => 0.5f * m + 0.7f * v).ToArray();
        var lines = new SpeechSpans([(2.0, 9.5), (17.0, 24.5)]);

        var blind = Remove(background, vocals);
        var guided = Remove(background, vocals, lines);

        var quietBlind = TestSignals.Sdr(music, blind, 11 * Rate * 2, 15 * Rate * 2);
        var quietGuided = TestSignals.Sdr(music, guided, 11 * Rate * 2, 15 * Rate * 2);
        var after = 20 * Math.Log10(Math.Abs(Gain(guided, voice)));
        output.WriteLine($"music alone between the lines: SDR {quietBlind:0.0} dB without the lines, {quietGuided:0.0} dB with them; voice left {after:0.0} dB");
        Assert.True(quietBlind < 20, $"the leaked music should have been cut without the lines (SDR {quietBlind:0.0} dB)");
        Assert.True(quietGuided > 60, $"between the lines the music changed (SDR {quietGuided:0.0} dB)");
        Assert.True(after < -20, $"the voice is still {after:0.0} dB in the background");
    }

    [Fact]
    public void Speech_spans_merge_padded_lines_and_answer_by_time()
    {
        var spans = new SpeechSpans([(5.0, 6.0), (1.0, 2.0), (2.15, 3.0), (4.0, 3.0)]);
        Assert.Equal(2, spans.Count);
        Assert.True(spans.Covers(0.95));
        Assert.True(spans.Covers(2.1));
        Assert.True(spans.Covers(3.05));
        Assert.False(spans.Covers(3.2));
        Assert.False(spans.Covers(4.5));
        Assert.True(spans.Covers(6.1));
        Assert.False(spans.Covers(6.2));
    }

    [Fact]
    public async Task Without_a_voice_the_background_comes_back_unchanged_across_block_borders()
    {
        var (music, _) = await SourcesAsync();
        var cleaned = Remove(music, new float[music.Length]);
        var sdr = TestSignals.Sdr(music, cleaned);
        Assert.True(sdr > 90, $"SDR {sdr:0.0} dB");
    }

    /// <summary>Least-squares gain of <paramref name="source"/> inside <paramref name="mixture"/>.</summary>
    private static double Gain(float[] mixture, float[] source)
    {
        double cross = 0, energy = 0;
        for (var i = 0; i < source.Length; i++)
        {
            cross += (double)mixture[i] * source[i];
            energy += (double)source[i] * source[i];
        }
        return cross / energy;
    }

    public void Dispose() => _media.Dispose();
}
