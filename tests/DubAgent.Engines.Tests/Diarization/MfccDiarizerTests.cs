using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

public class MfccDiarizerTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    private static MfccDiarizer Diarizer() => new(SpeechFixtures.Configuration(), new SpeechSegmenter(SpeechFixtures.Media, SpeechFixtures.EnergyRegions));

    [Fact]
    public async Task Two_espeak_voices_are_told_apart_with_low_DER()
    {
        var (path, truth, _) = await _fixtures.DialogueAsync(6);
        var turns = await Diarizer().DiarizeAsync(new DiarizationRequest(path), _fixtures.Context());

        Assert.Equal(2, turns.Select(t => t.Speaker).Distinct().Count());
        Assert.Equal("SPEAKER_00", turns[0].Speaker); // named in order of first appearance
        var der = DerScore.Compute(truth, turns, collar: 0.25);
        Assert.True(der.Rate < 0.10, $"DER {der.Rate:P1} (miss {der.Missed:0.00} s, false alarm {der.FalseAlarm:0.00} s, confusion {der.Confusion:0.00} s)");
    }

    [Fact]
    public async Task A_given_speaker_count_is_kept()
    {
        var (path, _, _) = await _fixtures.DialogueAsync(4);
        var turns = await Diarizer().DiarizeAsync(new DiarizationRequest(path, NumSpeakers: 1), _fixtures.Context());
        Assert.Single(turns.Select(t => t.Speaker).Distinct());
    }

    [Fact]
    public async Task Silence_gives_no_turns()
    {
        var path = Path.Combine(_fixtures.Directory, "silence.wav");
        WavWriter.WriteAll(path, new AudioFormat(16000, 1), new float[16000 * 3]);
        var turns = await Diarizer().DiarizeAsync(new DiarizationRequest(path), _fixtures.Context());
        Assert.Empty(turns);
    }

    [Fact]
    public async Task Zero_speakers_is_refused()
    {
        var path = Path.Combine(_fixtures.Directory, "silence.wav");
        WavWriter.WriteAll(path, new AudioFormat(16000, 1), new float[16000]);
        await Assert.ThrowsAsync<InputException>(() => Diarizer().DiarizeAsync(new DiarizationRequest(path, NumSpeakers: 0), _fixtures.Context()));
    }

    [Fact]
    public async Task One_voice_over_a_long_monologue_stays_one_speaker()
    {
        var (path, _, _) = await _fixtures.DialogueAsync(12, ["en-us+m3"], pause: true);
        var turns = await Diarizer().DiarizeAsync(new DiarizationRequest(path), _fixtures.Context());
        Assert.Single(turns.Select(t => t.Speaker).Distinct());
    }

    [Fact]
    public async Task Two_voices_with_no_pause_between_turns_are_cut_apart()
    {
        var (path, truth, _) = await _fixtures.DialogueAsync(6, ["en-us+m3", "en-us+f3"], pause: false);
        var turns = await Diarizer().DiarizeAsync(new DiarizationRequest(path), _fixtures.Context());
        Assert.Equal(2, turns.Select(t => t.Speaker).Distinct().Count());
        var der = DerScore.Compute(truth, turns, collar: 0.25);
        Assert.True(der.Rate < 0.10, $"DER {der.Rate:P1} (miss {der.Missed:0.00} s, false alarm {der.FalseAlarm:0.00} s, confusion {der.Confusion:0.00} s)");
    }

    [Fact]
    public async Task Min_and_max_hints_bound_the_automatic_count()
    {
        var (dialogue, _, _) = await _fixtures.DialogueAsync(4);
        var capped = await Diarizer().DiarizeAsync(new DiarizationRequest(dialogue, MaxSpeakers: 1), _fixtures.Context());
        Assert.Single(capped.Select(t => t.Speaker).Distinct());

        var (monologue, _, _) = await _fixtures.DialogueAsync(6, ["en-us+m3"], pause: true);
        var raised = await Diarizer().DiarizeAsync(new DiarizationRequest(monologue, MinSpeakers: 2), _fixtures.Context());
        Assert.Equal(2, raised.Select(t => t.Speaker).Distinct().Count());
    }

    public void Dispose() => _fixtures.Dispose();
}
