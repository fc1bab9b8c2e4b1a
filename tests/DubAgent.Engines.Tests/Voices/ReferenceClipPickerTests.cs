using DubAgent.Engines.Voices;

namespace DubAgent.Engines.Tests.Voices;

public sealed class ReferenceClipPickerTests
{
    private const int Rate = 16000;

    /// <summary>A tone per line at 0.3 amplitude over a noise floor whose level each line sets.</summary>
    private static float[] Audio(double seconds, IEnumerable<(double Start, double End, float Noise)> lines)
    {
        var samples = new float[(int)(seconds * Rate)];
        var random = new Random(7);
        foreach (var (start, end, noise) in lines)
            for (var i = (int)(start * Rate); i < (int)(end * Rate); i++)
            {
                var t = i - (int)(start * Rate);
                // Syllable-like bursts: speech on for 0.2 s, then 0.1 s of the noise floor only.
                var on = t % (Rate * 3 / 10) < Rate / 5;
                samples[i] = (on ? 0.3f * (float)Math.Sin(2 * Math.PI * 180 * t / Rate) : 0) + noise * (float)(random.NextDouble() * 2 - 1);
            }
        return samples;
    }

    [Fact]
    public void Picks_clean_different_lines_without_overlap_and_stops_by_30_seconds()
    {
        var lines = new List<(string, string, double, double, string)>();
        var spans = new List<(double, double, float)>();
        for (var i = 0; i < 8; i++)
        {
            var start = i * 7.0;
            lines.Add(($"a{i}", "A", start, start + 6, i == 3 ? "same words" : $"line {i}"));
            spans.Add((start, start + 6, i % 2 == 0 ? 0.001f : 0.05f));
        }
        lines.Add(("a8", "A", 56, 62, "same words"));
        spans.Add((56, 62, 0.0005f));
        lines.Add(("b0", "B", 3, 5, "overlapping"));

        var picked = ReferenceClipPicker.Pick(Audio(63, spans), Rate, lines);

        var a = picked["A"];
        Assert.InRange(a.Sum(l => l.Seconds), ReferenceClipPicker.MinSeconds, ReferenceClipPicker.MaxSeconds);
        Assert.DoesNotContain(a, l => l.Id == "a0"); // B speaks over it
        Assert.Equal(1, a.Count(l => l.Text == "same words")); // each text once
        Assert.All(a, l => Assert.True(l.SpeechToResidualDb > 25, $"{l.Id}: {l.SpeechToResidualDb} dB"));
        Assert.Equal(a.OrderBy(l => l.Start), a);
        Assert.False(picked.ContainsKey("B")); // its only line is overlapped
    }

    [Fact]
    public void Speech_to_residual_ratio_falls_with_the_noise_floor()
    {
        var clean = ReferenceClipPicker.SpeechToResidualDb(Audio(3, [(0, 3, 0.001f)]));
        var noisy = ReferenceClipPicker.SpeechToResidualDb(Audio(3, [(0, 3, 0.1f)]));
        Assert.True(clean > noisy + 20, $"{clean} vs {noisy}");
    }

    [Fact]
    public void Voiceprints_of_one_voice_score_above_the_threshold_and_of_another_pitch_below()
    {
        var low = MfccVoiceprint.Compute([Tones(110, 1), Tones(110, 2)])!;
        var lowAgain = MfccVoiceprint.Compute([Tones(110, 3)])!;
        var high = MfccVoiceprint.Compute([Tones(220, 4)])!;

        Assert.True(ActorMatcher.Score(MfccVoiceprint.Kind, low, lowAgain) >= ActorMatcher.VoiceprintThreshold);
        Assert.True(ActorMatcher.Score(MfccVoiceprint.Kind, low, high) < ActorMatcher.VoiceprintThreshold);
        Assert.Null(MfccVoiceprint.Compute([new float[Rate / 2]]));
    }

    /// <summary>Three seconds of a harmonic voice-like tone at <paramref name="hz"/> with a little noise.</summary>
    private static float[] Tones(double hz, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * Rate).Select(i =>
            (float)(Enumerable.Range(1, 10).Sum(k => 0.3 / k * Math.Sin(2 * Math.PI * hz * k * i / Rate)) + 0.01 * (random.NextDouble() * 2 - 1))).ToArray();
    }
}
