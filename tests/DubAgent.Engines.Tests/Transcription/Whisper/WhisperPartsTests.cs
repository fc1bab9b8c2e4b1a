using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Dsp;
using DubAgent.Engines.Transcription.Whisper;

namespace DubAgent.Engines.Tests.Transcription.Whisper;

/// <summary>The whisper engine's own logic, on hand-made Whisper output: chunks, words, lines, hallucinations, the language guard.</summary>
public sealed class WhisperPartsTests
{
    private static DecodedWord W(string text, double start, double end, double p = 0.9) => new(text, start, end, p);

    private static DecodedSegment Segment(params DecodedWord[] words) =>
        new(words[0].Start, words[^1].End, string.Join(' ', words.Select(w => w.Text)), words.Average(w => w.Probability), 0.01, words);

    [Fact]
    public void Regions_are_padded_joined_when_they_touch_and_packed_into_chunks_that_map_back()
    {
        var regions = new[] { new SpeechRegion(1.0, 3.0), new SpeechRegion(3.3, 5.0), new SpeechRegion(20.0, 40.0), new SpeechRegion(50.0, 52.0) };

        var chunks = SpeechChunkPlanner.Plan(regions, duration: 60, padSeconds: 0.2, maxSeconds: 10);

        // 0.8-5.2 (the first two joined), then 19.8-40.2 (longer than a chunk: alone), then 49.8-52.2.
        Assert.Equal(3, chunks.Count);
        var first = Assert.Single(chunks[0].Pieces);
        Assert.Equal(0.8, first.SourceStart, 6);
        Assert.Equal(5.2, first.SourceEnd, 6);
        Assert.Equal(20.4, chunks[1].Duration, 6);
        Assert.Equal(49.8 + 1.0, chunks[2].ToSource(1.0), 6);
    }

    [Fact]
    public void Short_regions_share_a_chunk_and_times_map_back_to_each_piece()
    {
        var regions = new[] { new SpeechRegion(10, 12), new SpeechRegion(30, 33) };

        var chunk = Assert.Single(SpeechChunkPlanner.Plan(regions, 60, padSeconds: 0, maxSeconds: 28));

        Assert.Equal(5, chunk.Duration, 6);
        Assert.Equal(11, chunk.ToSource(1), 6);
        Assert.Equal(31, chunk.ToSource(3), 6);
        // A word that runs over the join stays in its own piece.
        Assert.Equal((11.5, 12.0), chunk.ToSource(1.5, 2.8));
    }

    [Fact]
    public void Tokens_join_into_words_without_special_tokens_and_a_broken_spelling_gives_no_words()
    {
        WhisperTokenPiece T(string text, long start, long end, float p = 0.8f) => new(text, start, end, p);
        var tokens = new[] { T("[_BEG_]", 0, 0), T(" Ask", 10, 40, 0.9f), T(" not", 40, 60, 0.7f), T(" wh", 60, 70), T("at", 70, 90, 0.6f), T(",", 90, 92), T("[_TT_100]", 100, 100) };

        var words = WhisperTokenWords.From(tokens, " Ask not what,", 0, 2)!;

        Assert.Equal(["Ask", "not", "what,"], words.Select(w => w.Text));
        Assert.Equal(0.6, words[2].Start, 6);
        Assert.Equal(0.92, words[2].End, 6);
        Assert.Equal((0.8 + 0.6 + 0.8) / 3, words[2].Probability, 5);
        Assert.Null(WhisperTokenWords.From(tokens, " Ask not what you", 0, 2));
    }

    [Fact]
    public void Lines_end_at_sentences_and_pauses_and_never_run_past_the_maximum()
    {
        var segmenter = new SubtitleSegmenter(maxSeconds: 7, pauseSeconds: 0.6);

        var sentences = segmenter.Split(Segment(W("Hello", 0, 0.5), W("there.", 0.5, 1.2), W("How", 1.3, 1.6), W("are", 1.6, 1.8), W("you?", 1.8, 2.4)));
        Assert.Equal(["Hello there.", "How are you?"], sentences.Select(s => s.Text));
        Assert.Equal(1.3, sentences[1].Start, 6);

        var paused = segmenter.Split(Segment(W("Wait", 0, 0.4), W("for", 0.4, 0.6), W("it", 0.6, 0.8), W("now", 2.0, 2.3)));
        Assert.Equal(["Wait for it", "now"], paused.Select(s => s.Text));

        // 20 words, 0.5 s each, no punctuation but one comma at 4.5 s: cut there, and every line at most 7 s.
        var words = Enumerable.Range(0, 20).Select(i => W(i == 8 ? "word," : "word", i * 0.5, i * 0.5 + 0.45)).ToArray();
        var lines = segmenter.Split(Segment(words));
        Assert.All(lines, l => Assert.InRange(l.End - l.Start, 0, 7));
        Assert.Equal(4.45, lines[0].End, 6);
        Assert.Equal(20, lines.Sum(l => l.Words!.Count));
        Assert.All(lines, l => Assert.Equal(l.Words!.Average(w => w.Confidence), l.Confidence, 3));
    }

    [Fact]
    public void A_long_segment_without_word_times_is_split_evenly()
    {
        var segment = new DecodedSegment(0, 14, "one two three four five six seven eight", 0.7, 0.0, null);

        var lines = new SubtitleSegmenter(7, 0.6).Split(segment);

        Assert.Equal(["one two three four", "five six seven eight"], lines.Select(l => l.Text));
        Assert.Equal(7, lines[1].Start, 6);
        Assert.All(lines, l => Assert.Null(l.Words));
    }

    [Fact]
    public void Invented_lines_are_dropped_and_a_loop_is_kept_once()
    {
        var decoded = new[]
        {
            new DecodedSegment(0, 2, "We should leave now.", 0.9, 0.02, null),
            new DecodedSegment(2, 4, "We should leave now.", 0.9, 0.02, null), // a repeated line
            new DecodedSegment(5, 7, "Thanks for watching!", 0.3, 0.2, null), // stock phrase, unsure
            new DecodedSegment(8, 9, "Hmm.", 0.2, 0.8, null), // Whisper itself says: no speech
            new DecodedSegment(10, 11, "No.", 0.9, 0.0, null),
            new DecodedSegment(11, 12, "No.", 0.9, 0.0, null), // a short line said twice is kept
            new DecodedSegment(12, 16, "thank you thank you thank you thank you so much", 0.8, 0.0, null),
            new DecodedSegment(16, 17, "- - .", 0.8, 0.0, null),
        };

        var kept = HallucinationFilter.Decoded(decoded);

        Assert.Equal(["We should leave now.", "No.", "No.", "thank you so much"], kept.Select(s => s.Text));
    }

    [Fact]
    public void Lines_over_silence_are_dropped()
    {
        var regions = new[] { new SpeechRegion(1, 4) };
        var lines = new[]
        {
            new TranscriptSegment { Start = 1.2, End = 3.5, Text = "spoken" },
            new TranscriptSegment { Start = 3.8, End = 6.0, Text = "mostly silence" },
        };

        Assert.Equal(["spoken"], HallucinationFilter.OverSilence(lines, regions).Select(l => l.Text));
    }

    [Fact]
    public void The_guard_stops_a_clear_mismatch_and_lets_an_unsure_one_or_auto_pass()
    {
        var error = Assert.Throws<InputException>(() => LanguageGuard.Check("/media/film.mp4", "en", "es", 0.93, 0.8));
        Assert.Contains("film.mp4", error.Message);
        Assert.Contains("(es", error.Message);
        Assert.Contains("(en)", error.Message);
        Assert.Contains("'es'", error.Hint);

        var unsure = LanguageGuard.Check("film.mp4", "en", "es", 0.4, 0.8);
        Assert.True(unsure.Checked);
        Assert.Equal("es", unsure.Detected);

        var same = LanguageGuard.Check("film.mp4", "en", "en", 0.99, 0.8);
        Assert.True(same.Checked);
        Assert.Contains("matches", same.Note);

        var auto = LanguageGuard.Check("film.mp4", null, "es", 0.93, 0.8);
        Assert.False(auto.Checked);
        Assert.Equal("es", auto.Detected);
    }

    [Fact]
    public void Workers_follow_cores_and_memory_and_settings_override()
    {
        const long Gb = 1_000_000_000;
        Assert.Equal(new WhisperWorkerPlan(2, 1), WhisperWorkerPlan.For(148_000_000, pieces: 5, cores: 2, availableBytes: 8 * Gb));
        Assert.Equal(new WhisperWorkerPlan(1, 2), WhisperWorkerPlan.For(148_000_000, pieces: 1, cores: 2, availableBytes: 8 * Gb));
        // large-v3-turbo on a 4 GB machine: one worker with every core.
        Assert.Equal(new WhisperWorkerPlan(1, 8), WhisperWorkerPlan.For(1_624_555_275, pieces: 20, cores: 8, availableBytes: 4 * Gb));
        Assert.Equal(new WhisperWorkerPlan(3, 2), WhisperWorkerPlan.For(148_000_000, pieces: 20, cores: 2, availableBytes: 8 * Gb, workers: 3, threads: 2));
    }

    [Fact]
    public void Model_choice_prefers_the_english_model_for_english_and_takes_the_setting_as_given()
    {
        Assert.Equal(["whisper-base.en", "whisper-base"], WhisperModelChoice.Candidates(null, "en"));
        Assert.Equal(["whisper-base"], WhisperModelChoice.Candidates(null, "es"));
        Assert.Equal(["whisper-base"], WhisperModelChoice.Candidates(null, null));
        Assert.Equal(["whisper-large-v3-turbo-q5_0"], WhisperModelChoice.Candidates("large-v3-turbo-q5_0", "en"));
        Assert.Equal(["whisper-small"], WhisperModelChoice.Candidates("whisper-small", null));
        Assert.True(WhisperModelChoice.IsPath("/models/ggml-base.bin"));
        Assert.False(WhisperModelChoice.IsPath("small.en"));
        Assert.True(WhisperModelChoice.IsEnglishOnly("small.en-q8_0"));
        Assert.False(WhisperModelChoice.IsEnglishOnly("large-v3-turbo"));
    }
}
