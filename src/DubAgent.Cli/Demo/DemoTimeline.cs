namespace DubAgent.Cli.Demo;

/// <summary>Where a line's clip goes and where its speech really is, in seconds from the start of the video.</summary>
public sealed record PlacedLine(DemoLine Line, SpeechClip Clip, double ClipStart)
{
    public double SpeechStart => ClipStart + Clip.SpeechStart;
    public double SpeechEnd => ClipStart + Clip.SpeechEnd;
}

/// <summary>
/// Lays the lines out one after another with pauses of varied length (a fixed pattern, scaled so the dialogue fills
/// the minute), and places the sound effects: some in pauses, one over speech, as in real films.
/// </summary>
public static class DemoTimeline
{
    public const double LeadIn = 2.0;
    public const double LastSpeechEnd = 56.5;

    private static readonly double[] PausePattern = [1.2, 0.9, 1.6, 0.7, 1.4, 1.0, 1.8, 0.8, 1.3, 1.1, 1.5];

    public static IReadOnlyList<PlacedLine> Place(IReadOnlyList<DemoLine> lines, IReadOnlyList<SpeechClip> clips)
    {
        var speech = clips.Sum(c => c.SpeechEnd - c.SpeechStart);
        var gaps = Enumerable.Range(0, Math.Max(0, lines.Count - 1)).Select(i => PausePattern[i % PausePattern.Length]).ToList();
        var budget = LastSpeechEnd - LeadIn - speech;
        var scale = gaps.Count == 0 ? 1 : Math.Max(0, budget) / gaps.Sum();
        var placed = new List<PlacedLine>();
        var cursor = LeadIn;
        for (var i = 0; i < lines.Count; i++)
        {
            var clip = clips[i];
            placed.Add(new PlacedLine(lines[i], clip, cursor - clip.SpeechStart));
            cursor += clip.SpeechEnd - clip.SpeechStart;
            if (i < gaps.Count) cursor += Math.Clamp(gaps[i] * scale, 0.5, 4.0);
        }
        return placed;
    }

    /// <summary>The sound effects and when they start.</summary>
    public static IReadOnlyList<(DemoSoundEffect Effect, double Start, float Gain)> Effects(IReadOnlyList<PlacedLine> lines)
    {
        double Pause(int after) => (lines[after].SpeechEnd + lines[after + 1].SpeechStart) / 2;
        double Middle(int line) => (lines[line].SpeechStart + lines[line].SpeechEnd) / 2;
        return
        [
            (DemoSoundEffect.Door, 0.4, 0.5f),
            (DemoSoundEffect.Hit, Pause(2) - 0.1, 0.5f),
            (DemoSoundEffect.NoiseBurst, Pause(5) - 0.4, 0.8f),
            (DemoSoundEffect.Hit, Middle(7), 0.25f),
            (DemoSoundEffect.NoiseBurst, Middle(9) - 0.4, 0.4f),
            (DemoSoundEffect.Door, Pause(10) - 0.2, 0.5f),
            (DemoSoundEffect.Hit, lines[^1].SpeechEnd + 1.0, 0.4f),
        ];
    }
}
