using DubAgent.Core.Dsp;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Tests.Diarization;
using Xunit.Abstractions;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>The real Silero VAD model (../shared/models) against reference speech spans, scored on 10 ms frames.</summary>
public sealed class SileroRealModelTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Finds_the_speech_of_the_pyannote_conversation()
    {
        var folder = Path.Combine(SpeechFixtures.SharedData, "pyannote_sample");
        var reference = Rttm.Read(Path.Combine(folder, "sample.rttm")).Select(t => new SpeechRegion(t.Start, t.End)).ToList();

        var found = await Detectors.Silero().DetectAsync(Path.Combine(folder, "sample.wav"), null, CancellationToken.None);

        var score = SpeechFrameScore.Compute(reference, found.Activity.Regions, found.Activity.DurationSeconds);
        output.WriteLine(score.ToString());
        Assert.Equal(SileroSpeechDetector.Name, found.Detector);
        Assert.Null(found.Note);
        Assert.True(score.F1 >= 0.95, $"F1 {score.F1:0.000} (measured 0.992 when written)");
        Assert.InRange(found.Activity.SpeechRatio, score.ReferenceShare - 0.03, score.ReferenceShare + 0.03);
    }

    [Fact]
    public async Task Music_and_noise_between_lines_are_not_speech()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"dubagent-vad-{Guid.NewGuid():N}");
        try
        {
            var (wav, truth) = await SpeechOverMusicClip.WriteAsync(folder);

            var silero = await Detectors.Silero().DetectAsync(wav, null, CancellationToken.None);
            var energy = await new EnergySpeechDetector().DetectAsync(wav, null, CancellationToken.None);

            var score = SpeechFrameScore.Compute(truth, silero.Activity.Regions, silero.Activity.DurationSeconds);
            var musicTakenForSpeech = MusicTakenForSpeech(truth, silero.Activity);
            output.WriteLine($"silero {score}, music taken for speech {musicTakenForSpeech:P1}; energy {MusicTakenForSpeech(truth, energy.Activity):P1}");
            // The clip is a real trap: the energy detector takes almost all of its music for speech (measured 99 %).
            Assert.True(MusicTakenForSpeech(truth, energy.Activity) > 0.5, "the music in the clip should fool the energy detector");
            Assert.True(musicTakenForSpeech < 0.05, $"Silero took {musicTakenForSpeech:P1} of the music for speech (measured 0 % when written)");
            Assert.True(score.F1 >= 0.9, $"F1 {score.F1:0.000} (measured 0.972 when written)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Share of the frames of music or noise alone (0.3 s or more from a line) that the detector calls speech.</summary>
    private static double MusicTakenForSpeech(IReadOnlyList<SpeechRegion> truth, VoiceActivity found)
    {
        var nearSpeech = RegionFrames.Mark(truth.Select(r => new SpeechRegion(r.Start - 0.3, r.End + 0.3)), found.DurationSeconds);
        var flagged = RegionFrames.Mark(found.Regions, found.DurationSeconds);
        int music = 0, taken = 0;
        for (var i = 0; i < nearSpeech.Length; i++)
        {
            if (nearSpeech[i]) continue;
            music++;
            if (flagged[i]) taken++;
        }
        return music == 0 ? 0 : (double)taken / music;
    }
}
