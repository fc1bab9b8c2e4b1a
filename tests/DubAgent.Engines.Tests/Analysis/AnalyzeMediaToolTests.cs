using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Analysis;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Tests.Separation;
using DubAgent.Engines.Tests.SpeechDetection;

namespace DubAgent.Engines.Tests.Analysis;

/// <summary>analyze_media on clips generated here: espeak-ng speech, ffmpeg room tone, chords and noise bursts.</summary>
public sealed class AnalyzeMediaToolTests : IDisposable
{
    private const string Text = "Good morning. Did you bring the map for the trip? Yes, I have it right here in my bag. We should leave before the rain starts.";
    private readonly SeparationMedia _media = new();

    private AnalyzeMediaTool Tool() => new(_media.Media, new LoudnessMeter(_media.Ffmpeg), Detectors.Silero());

    /// <summary>Speech with a second of silence either side, 48 kHz stereo, plus an optional bed mixed under it.</summary>
    private async Task<string> ClipAsync(string name, string? bed)
    {
        var speech = await _media.SpeakAsync("speech.wav", Text);
        var output = _media.PathOf(name);
        var graph = "[0:a]aresample=48000,adelay=1000:all=1,apad=pad_dur=1,aformat=channel_layouts=stereo[v]";
        var args = new List<string> { "-i", speech };
        if (bed is null)
        {
            args.AddRange(["-filter_complex", graph, "-map", "[v]"]);
        }
        else
        {
            args.AddRange(["-f", "lavfi", "-i", bed, "-filter_complex",
                $"{graph};[1:a]aresample=48000,aformat=channel_layouts=stereo[b];[v][b]amix=inputs=2:duration=first:normalize=0[m]", "-map", "[m]"]);
        }
        await _media.Ffmpeg.RunAsync([.. args, "-c:a", "pcm_s16le", output], 0, null, "mix clip", CancellationToken.None);
        return output;
    }

    [Fact]
    public async Task Talk_only_is_dialogue_with_most_of_the_time_speech()
    {
        var context = _media.Context("a");
        var result = await Tool().InvokeAsync(new AnalyzeMediaArguments { Input = await ClipAsync("talk.wav", null) }, context);
        Assert.Equal(ContentGuess.Dialogue, result.ContentGuess);
        Assert.Equal(SileroSpeechDetector.Name, result.SpeechDetector);
        Assert.Empty(context.Report.Notes);
        Assert.InRange(result.SpeechRatio!.Value, 0.6, 0.95);
        Assert.False(result.MusicPresent);
        Assert.InRange(result.IntegratedLufs!.Value, -40, -5);
        Assert.True(result.TruePeakDbtp < 1);
        Assert.True(File.Exists(result.MediaJson));
        Assert.Contains(result.ContentReasons, r => r.Contains("speech"));
    }

    [Fact]
    public async Task Without_the_Silero_model_the_energy_detector_answers_and_a_note_says_so()
    {
        using var sessions = new InferenceSessionCache();
        var tool = new AnalyzeMediaTool(_media.Media, new LoudnessMeter(_media.Ffmpeg), new SileroOrEnergyDetector(SeparationMedia.Configuration(), sessions));
        var context = _media.Context("f");
        var result = await tool.InvokeAsync(new AnalyzeMediaArguments { Input = await ClipAsync("talk.wav", null) }, context);
        Assert.Equal(EnergySpeechDetector.Name, result.SpeechDetector);
        Assert.Contains(context.Report.Notes, n => n.Contains("energy detector") && n.Contains("Vad:Model"));
        Assert.InRange(result.SpeechRatio!.Value, 0.6, 0.95);
    }

    [Fact]
    public async Task Talk_over_quiet_room_tone_is_dialogue()
    {
        var input = await ClipAsync("room.wav", "anoisesrc=color=pink:amplitude=0.004:sample_rate=48000:duration=30");
        var result = await Tool().InvokeAsync(new AnalyzeMediaArguments { Input = input }, _media.Context("b"));
        Assert.Equal(ContentGuess.Dialogue, result.ContentGuess);
        Assert.False(result.MusicPresent);
        Assert.InRange(result.SpeechRatio!.Value, 0.5, 0.95);
        Assert.True(result.BackgroundToSpeechDb < ContentGuess.LoudBackgroundDb);
    }

    [Fact]
    public async Task An_audiobook_with_mains_hum_is_dialogue_the_hum_is_not_music()
    {
        // One narrator for about 25 s over loud 50 Hz hum and its harmonics (a noisy recording): a steady floor in the
        // pauses is not effects, and a tone that never stops is not a score.
        var narration = string.Join(" ", Enumerable.Repeat(Text, 3));
        var speech = await _media.SpeakAsync("narration.wav", narration);
        var input = _media.PathOf("audiobook.wav");
        const string hum = "0.06*sin(2*PI*50*t)+0.04*sin(2*PI*100*t)+0.03*sin(2*PI*150*t)+0.02*sin(2*PI*250*t)";
        await _media.Ffmpeg.RunAsync(["-i", speech, "-f", "lavfi", "-i", $"aevalsrc='{hum}':s=48000:d=60", "-filter_complex",
            "[0:a]aresample=48000,adelay=1000:all=1,apad=pad_dur=1[v];[v][1:a]amix=inputs=2:duration=first:normalize=0", "-c:a", "pcm_s16le", input],
            0, null, "audiobook", CancellationToken.None);

        var result = await Tool().InvokeAsync(new AnalyzeMediaArguments { Input = input }, _media.Context("hum"));

        Assert.True(ContentGuess.Dialogue == result.ContentGuess, string.Join(" / ", result.ContentReasons));
        Assert.False(result.MusicPresent, $"music ratio {result.MusicRatio}");
        Assert.Contains(result.ContentReasons, r => r.Contains("turn"));
    }

    [Fact]
    public async Task Talk_over_loud_music_and_effects_is_cinematic()
    {
        // Held chords changing every two seconds, and a noise burst every 1.5 s.
        const string chords = "0.12*(sin(2*PI*if(lt(mod(t,4),2),220,196)*t)+sin(2*PI*if(lt(mod(t,4),2),277.2,246.9)*t)+sin(2*PI*if(lt(mod(t,4),2),329.6,293.7)*t))";
        const string bursts = "0.5*(random(0)*2-1)*lt(mod(t,1.5),0.2)";
        var input = await ClipAsync("film.wav", $"aevalsrc='{chords}+{bursts}':s=48000:d=30");
        var result = await Tool().InvokeAsync(new AnalyzeMediaArguments { Input = input }, _media.Context("c"));
        Assert.Equal(ContentGuess.Cinematic, result.ContentGuess);
        Assert.True(result.MusicPresent);
        Assert.Contains(result.ContentReasons, r => r.Contains("music"));
    }

    [Fact]
    public async Task Video_streams_are_described_and_silence_has_no_speech()
    {
        var input = _media.PathOf("silent.mp4");
        await _media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2", "-f", "lavfi", "-i",
            "anullsrc=r=44100:cl=mono", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", input], 0, null, "video",
            CancellationToken.None);
        var result = await Tool().InvokeAsync(new AnalyzeMediaArguments { Input = input }, _media.Context("d"));
        Assert.True(result.HasVideo);
        Assert.True(result.HasAudio);
        Assert.Contains(result.Streams, s => s.Contains("video h264 160x120"));
        Assert.Equal(0, result.SpeechRatio);
        Assert.Null(result.IntegratedLufs is { } l && l > -69 ? l : null);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_input_error()
    {
        var error = await Assert.ThrowsAsync<InputException>(() =>
            Tool().InvokeAsync(new AnalyzeMediaArguments { Input = _media.PathOf("nope.mp4") }, _media.Context("e")));
        Assert.Contains("does not exist", error.Message);
    }

    public void Dispose() => _media.Dispose();
}
