using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Transcription;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Transcription;

public class TranscribeToolTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();
    private readonly ServiceProvider _services = SpeechFixtures.Services(SpeechFixtures.Configuration());

    private ToolContext Context(string name) => new()
    {
        WorkDirectory = Path.Combine(_fixtures.Directory, name),
        JobDirectory = _fixtures.Directory,
        Services = _services,
    };

    private T Tool<T>() where T : ITool => _services.GetServices<ITool>().OfType<T>().Single();

    [Fact]
    public async Task Subtitles_become_a_transcript_with_stable_ids()
    {
        var srt = Path.Combine(_fixtures.Directory, "film.es.srt");
        await File.WriteAllTextAsync(srt, "1\n00:00:01,000 --> 00:00:02,000\nHola.\n\n2\n00:00:03,000 --> 00:00:04,500\n¿Qué tal?\n");
        var result = await Tool<TranscribeTool>().InvokeAsync(new TranscribeArguments { Input = srt }, Context("t1"));

        Assert.Equal("subtitles", result.Engine);
        Assert.Equal("es", result.Language);
        Assert.Equal(2, result.Segments);
        var transcript = JsonSerializer.Deserialize<Transcript>(await File.ReadAllTextAsync(result.TranscriptPath), DubAgentJson.Options)!;
        Assert.Equal(["seg_0001", "seg_0002"], transcript.Segments.Select(s => s.Id));
        Assert.Contains("seg_0002 [3.00-4.50]: ¿Qué tal?", result.Preview);
        // Nothing heard the language: the transcript and the result say so.
        Assert.False(result.LanguageChecked);
        Assert.False(transcript.LanguageCheck!.Checked);
        Assert.Contains("'subtitles' engine cannot tell", transcript.LanguageCheck.Note);
        Assert.Contains("\"language_check\"", await File.ReadAllTextAsync(result.TranscriptPath));
    }

    [Fact]
    public async Task An_unsupported_language_lists_the_supported_ones()
    {
        var wav = Path.Combine(_fixtures.Directory, "a.wav");
        Core.Media.WavWriter.WriteAll(wav, new Abstractions.Media.AudioFormat(16000, 1), new float[16000]);
        var error = await Assert.ThrowsAsync<InputException>(() =>
            Tool<TranscribeTool>().InvokeAsync(new TranscribeArguments { Input = wav, Engine = "pocketsphinx", Language = "de" }, Context("t2")));
        Assert.Contains("'de'", error.Message);
        Assert.Contains("supports: en", error.Hint);
    }

    [Fact]
    public async Task Three_seconds_of_silence_is_no_speech_naming_the_file_and_its_length()
    {
        var wav = Path.Combine(_fixtures.Directory, "silence.wav");
        Core.Media.WavWriter.WriteAll(wav, new Abstractions.Media.AudioFormat(48000, 2), new float[48000 * 2 * 3]);
        var context = Context("silent");
        var error = await Assert.ThrowsAsync<InputException>(() =>
            Tool<TranscribeTool>().InvokeAsync(new TranscribeArguments { Input = wav, Engine = "pocketsphinx", Language = "en" }, context));

        Assert.Equal($"No speech was found in '{wav}' (3.0 s of audio).", error.Message);
        Assert.Contains("right audio track", error.Hint);
        Assert.Contains("'en'", error.Hint);
        Assert.False(File.Exists(Path.Combine(context.WorkDirectory, "transcript.json")));
    }

    [Fact]
    public async Task A_fifth_of_a_second_clip_is_no_speech()
    {
        // A 0.2 s burst of a voice-like tone inside an AAC file: decoded, measured, and too short for a word.
        var clip = Path.Combine(_fixtures.Directory, "blip.m4a");
        var run = await SpeechFixtures.Runner.RunAsync(new Core.Processes.ProcessRequest("ffmpeg",
            ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=180:sample_rate=44100:duration=0.2", "-c:a", "aac", clip]),
            CancellationToken.None);
        Assert.True(run.Succeeded, run.StderrTail);
        var error = await Assert.ThrowsAsync<InputException>(() =>
            Tool<TranscribeTool>().InvokeAsync(new TranscribeArguments { Input = clip }, Context("blip")));
        Assert.Matches(@"^No speech was found in '.*blip\.m4a' \(0\.2 s of audio\)\.$", error.Message);
    }

    [Fact]
    public async Task Subtitles_without_cues_say_so()
    {
        var srt = Path.Combine(_fixtures.Directory, "empty.srt");
        await File.WriteAllTextAsync(srt, "\n");
        var error = await Assert.ThrowsAsync<InputException>(() => Tool<TranscribeTool>().InvokeAsync(new TranscribeArguments { Input = srt }, Context("srt")));
        Assert.Equal($"No subtitle text was found in '{srt}'.", error.Message);
    }

    [Fact]
    public async Task Transcribe_then_diarize_puts_a_speaker_on_every_segment()
    {
        var (dialogue, truth, _) = await _fixtures.DialogueAsync(4);
        var transcribed = await Tool<TranscribeTool>().InvokeAsync(new TranscribeArguments { Input = dialogue, Engine = "pocketsphinx" }, Context("asr"));
        Assert.True(transcribed.Segments >= 3, $"{transcribed.Segments} segments");

        var diarized = await Tool<DiarizeTool>().InvokeAsync(
            new DiarizeArguments { Input = dialogue, Transcript = transcribed.TranscriptPath, Engine = "mfcc" }, Context("dia"));
        Assert.Equal(2, diarized.NumSpeakers);
        var transcript = JsonSerializer.Deserialize<Transcript>(await File.ReadAllTextAsync(diarized.TranscriptPath), DubAgentJson.Options)!;
        Assert.All(transcript.Segments, s => Assert.NotNull(s.Speaker));
        Assert.Equal(transcribed.Segments, transcript.Segments.Count);
        Assert.True(File.Exists(diarized.RttmPath));
        // Each segment's speaker matches the voice that truly spoke there (names are mapped by first appearance).
        var mapping = new Dictionary<string, string>();
        foreach (var s in transcript.Segments)
        {
            var voice = SpeakerAssigner.SpeakerFor(s.Start, s.End, truth)!;
            Assert.Equal(mapping.TryAdd(voice, s.Speaker!) ? s.Speaker : mapping[voice], s.Speaker);
        }
    }

    [Fact]
    public async Task Diarize_without_a_transcript_returns_turns_as_empty_segments()
    {
        var (dialogue, _, _) = await _fixtures.DialogueAsync(4);
        var result = await Tool<DiarizeTool>().InvokeAsync(new DiarizeArguments { Input = dialogue, Engine = "mfcc" }, Context("turns"));
        var transcript = JsonSerializer.Deserialize<Transcript>(await File.ReadAllTextAsync(result.TranscriptPath), DubAgentJson.Options)!;
        Assert.Equal(2, transcript.NumSpeakers);
        Assert.All(transcript.Segments, s => Assert.Equal("", s.Text));
        Assert.Equal(result.Turns, transcript.Segments.Count);
    }

    public void Dispose()
    {
        _services.Dispose();
        _fixtures.Dispose();
    }
}
