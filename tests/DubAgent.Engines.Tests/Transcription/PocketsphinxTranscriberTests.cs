using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Tests.Transcription;

public class PocketsphinxTranscriberTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    private static PocketsphinxTranscriber Engine() => new(SpeechFixtures.Runner, SpeechFixtures.Media, SpeechFixtures.Configuration(), SpeechFixtures.EnergyRegions);

    [Fact]
    public async Task Transcribes_the_jfk_clip_with_times_and_confidence()
    {
        var jfk = Path.Combine(SpeechFixtures.SharedData, "jfk");
        var transcript = await Engine().TranscribeAsync(new TranscriptionRequest(Path.Combine(jfk, "jfk.wav"), "en"), _fixtures.Context());

        Assert.Equal("en", transcript.Language);
        Assert.Equal(11.0, transcript.TotalDuration, 1);
        Assert.NotEmpty(transcript.Segments);
        Assert.All(transcript.Segments, s =>
        {
            Assert.InRange(s.Start, 0, 11);
            Assert.True(s.End > s.Start);
            Assert.InRange(s.Confidence, 0, 1);
            Assert.All(s.Words!, w => Assert.InRange(w.Start, s.Start - 0.01, s.End + 0.01));
        });
        var wer = WerScore.Compute(await File.ReadAllTextAsync(Path.Combine(jfk, "jfk.ref.txt")), string.Join(' ', transcript.Segments.Select(s => s.Text)));
        Assert.True(wer.Rate < 0.35, $"WER {wer.Rate:P1}: {string.Join(" | ", transcript.Segments.Select(s => s.Text))}");
    }

    [Fact]
    public async Task Runs_at_once_give_the_words_of_one_run()
    {
        var sample = Path.Combine(SpeechFixtures.SharedData, "pyannote_sample", "sample.wav");
        var texts = new List<string>();
        foreach (var parallelism in new[] { "1", "3" })
        {
            var engine = new PocketsphinxTranscriber(SpeechFixtures.Runner, SpeechFixtures.Media,
                SpeechFixtures.Configuration(("Pocketsphinx:Parallelism", parallelism)), SpeechFixtures.EnergyRegions);
            var transcript = await engine.TranscribeAsync(new TranscriptionRequest(sample, "en"), _fixtures.Context());
            Assert.True(transcript.Segments.Count >= 3, $"{transcript.Segments.Count} segments: too few to split");
            texts.Add(System.Text.Json.JsonSerializer.Serialize(transcript, DubAgent.Abstractions.DubAgentJson.Options));
        }
        Assert.Equal(texts[0], texts[1]);
    }

    [Theory]
    [InlineData(23, 2, new[] { 0, 11 })]
    [InlineData(23, 1, new[] { 0 })]
    [InlineData(2, 8, new[] { 0, 1 })]
    [InlineData(250, 2, new[] { 0, 83, 166 })]
    public void Runs_cover_every_utterance_once_and_use_the_cores(int utterances, int parallelism, int[] offsets)
    {
        var runs = PocketsphinxTranscriber.Runs(utterances, parallelism);
        Assert.Equal(offsets, runs.Select(r => r.Offset));
        Assert.Equal(utterances, runs.Sum(r => r.Count));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.Equal(pair.First.Offset + pair.First.Count, pair.Second.Offset));
    }

    [Fact]
    public async Task Silence_gives_an_empty_transcript_not_an_error()
    {
        var path = Path.Combine(_fixtures.Directory, "silence.wav");
        WavWriter.WriteAll(path, new AudioFormat(16000, 1), new float[16000 * 5]);
        var transcript = await Engine().TranscribeAsync(new TranscriptionRequest(path, null), _fixtures.Context());
        Assert.Empty(transcript.Segments);
        Assert.Equal(5, transcript.TotalDuration, 2);
    }

    [Fact]
    public async Task Another_language_is_refused_with_the_supported_list()
    {
        var path = Path.Combine(_fixtures.Directory, "silence.wav");
        WavWriter.WriteAll(path, new AudioFormat(16000, 1), new float[16000]);
        var error = await Assert.ThrowsAsync<InputException>(() => Engine().TranscribeAsync(new TranscriptionRequest(path, "fr"), _fixtures.Context()));
        Assert.Contains("supports en", error.Message);
    }

    [Fact]
    public void Ctm_lines_become_words_without_variants_or_fillers()
    {
        var words = PocketsphinxCtm.Parse(["u000001 1 0.25 0.56 and(2) 0.950", "u000001 1 0.90 0.10 <sil> 0.8", "u000001 1 0.99 0.30 not 0.801", "u000002 1 0.10 0.20 [NOISE] 0.5"]);
        Assert.Equal(["and", "not"], words["u000001"].Select(w => w.Word));
        Assert.Equal(0.81, words["u000001"][0].End, 3);
        Assert.False(words.ContainsKey("u000002"));
    }

    [Theory]
    [InlineData(4.8, 1, true)]   // music decoded as a lone "if" over five seconds
    [InlineData(4.8, 3, false)]  // slow speech
    [InlineData(1.0, 1, false)]  // a short "yes"
    public void Regions_with_almost_no_words_are_not_taken_for_speech(double seconds, int words, bool dropped) =>
        Assert.Equal(dropped, PocketsphinxTranscriber.IsImplausible(seconds, words));

    public void Dispose() => _fixtures.Dispose();
}
