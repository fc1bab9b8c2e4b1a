using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Core.Media;

namespace DubAgent.Cli.Demo;

/// <summary>
/// Renders the demo's ground truth: vocals.wav (the dialogue), background.wav (music bed and effects), mix.wav (their
/// exact sum) and transcript.json (who says what, when, from the real clip lengths).
/// </summary>
public sealed class DemoSoundtrack(EspeakClipRenderer speech, ExpressionSynth synth)
{
    /// <summary>Loudest sample allowed in the mix; both stems are scaled by the same factor to stay under it.</summary>
    private const float MixPeak = 0.9f;

    /// <summary>The dialogue's loudest sample: espeak-ng speaks quietly; films put dialogue well above the bed.</summary>
    private const float VoicePeak = 0.7f;

    public async Task<Transcript> RenderAsync(DemoMedia media, string workDirectory, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var lines = DemoScript.Lines;
        var clips = new List<SpeechClip>();
        for (var i = 0; i < lines.Count; i++)
        {
            progress?.Report(ProgressUpdate.Of(i, lines.Count + 3, $"speaking line {i + 1} of {lines.Count}"));
            clips.Add(await speech.RenderAsync(lines[i], workDirectory, i, cancellationToken).ConfigureAwait(false));
        }
        var placed = DemoTimeline.Place(lines, clips);

        var vocals = new StereoStem(DemoAudioFormat.TotalFrames);
        foreach (var line in placed) vocals.Add(line.Clip.Samples, line.ClipStart);
        vocals.Scale(VoicePeak / vocals.Peak());

        progress?.Report(ProgressUpdate.Of(lines.Count, lines.Count + 3, "synthesizing the music bed"));
        var background = new StereoStem(DemoAudioFormat.TotalFrames);
        var (left, right) = DemoMusicBed.Expressions(DemoAudioFormat.DurationSeconds);
        background.Add(await synth.RenderAsync(left, right, DemoAudioFormat.DurationSeconds, Path.Combine(workDirectory, "music.wav"),
            cancellationToken).ConfigureAwait(false), 0);

        progress?.Report(ProgressUpdate.Of(lines.Count + 1, lines.Count + 3, "synthesizing sound effects"));
        var rendered = new Dictionary<DemoSoundEffect, float[]>();
        foreach (var (effect, start, gain) in DemoTimeline.Effects(placed))
        {
            if (!rendered.TryGetValue(effect, out var samples))
            {
                var file = Path.Combine(workDirectory, $"sfx-{effect.Name.Replace(' ', '-')}.wav");
                rendered[effect] = samples = await synth.RenderAsync(effect.Left, effect.Right, effect.Seconds, file, cancellationToken)
                    .ConfigureAwait(false);
            }
            background.Add(samples, start, gain);
        }

        progress?.Report(ProgressUpdate.Of(lines.Count + 2, lines.Count + 3, "mixing and writing the ground truth"));
        var mix = StereoStem.Sum(vocals, background);
        var peak = mix.Peak();
        if (peak > MixPeak)
        {
            // The same factor on both stems keeps mix == vocals + background exact.
            vocals.Scale(MixPeak / peak);
            background.Scale(MixPeak / peak);
            mix = StereoStem.Sum(vocals, background);
        }
        Directory.CreateDirectory(media.TruthDirectory);
        vocals.Write(media.Vocals);
        background.Write(media.Background);
        mix.Write(media.Mix);

        var transcript = TranscriptOf(placed);
        AtomicFile.WriteAllText(media.Transcript, JsonSerializer.Serialize(transcript, DubAgentJson.Options));
        progress?.Report(new ProgressUpdate(1, "ground truth written"));
        return transcript;
    }

    private static Transcript TranscriptOf(IReadOnlyList<PlacedLine> placed) => new()
    {
        NumSpeakers = placed.Select(p => p.Line.Voice.Speaker).Distinct().Count(),
        TotalDuration = DemoAudioFormat.DurationSeconds,
        Language = "en",
        Segments = placed.Select((p, i) => new TranscriptSegment
        {
            Id = TranscriptSegment.IdFor(i),
            Speaker = p.Line.Voice.Speaker,
            Start = Math.Round(p.SpeechStart, 3),
            End = Math.Round(p.SpeechEnd, 3),
            Text = p.Line.Text,
            Confidence = 1.0,
        }).ToList(),
    };
}
