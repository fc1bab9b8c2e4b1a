using System.Globalization;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// Calibrates speaker matching: each speaker of the diarize recordings (their reference turns, no overlap) is
/// embedded twice, from its turns before and after the cut the casting rows use (the gap between turns nearest the middle); the halves of one speaker are "same" pairs,
/// every other pair (plus the single-speaker sentences of shared/data) "different". Reports both score ranges and the
/// errors at the threshold casting uses.
/// </summary>
public static class MatchingCalibration
{
    public static async Task<BenchRow> RowAsync(BenchContext context)
    {
        var media = context.Services.GetRequiredService<IMediaToolkit>();
        var prints = new List<(string Identity, int Half, float[] Print)>();
        foreach (var input in DiarizationInputs.From(context).Where(i => !i.Label.StartsWith("demo video", StringComparison.Ordinal)))
        {
            var samples = await ReadAsync(media, input.Audio, context).ConfigureAwait(false);
            var middle = VoicesBench.CutBetweenTurns(input.Reference, input.Reference.Max(t => t.End) / 2);
            foreach (var speaker in input.Reference.GroupBy(t => t.Speaker))
                for (var half = 0; half < 2; half++)
                {
                    var others = input.Reference.Where(o => o.Speaker != speaker.Key).ToList();
                    var stretches = speaker.Where(t => half == 0 ? t.End <= middle : t.Start >= middle)
                        .SelectMany(t => Unoverlapped(t.Start, t.End, others))
                        .Select(p => samples[(int)Math.Min(samples.Length, p.Start * 16000)..(int)Math.Min(samples.Length, p.End * 16000)]).ToList();
                    if (MfccVoiceprint.Compute(stretches) is { } print) prints.Add(($"{input.Label.Split(" (")[0]}/{speaker.Key}", half, print));
                }
        }
        if (context.SharedDataDirectory is { } shared)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(shared, "sentences_8_languages"), "test*.wav").Order())
                if (MfccVoiceprint.Compute([await ReadAsync(media, file, context).ConfigureAwait(false)]) is { } print)
                    prints.Add((Path.GetFileNameWithoutExtension(file), 0, print));

        var same = new List<double>();
        var different = new List<double>();
        for (var i = 0; i < prints.Count; i++)
            for (var j = i + 1; j < prints.Count; j++)
            {
                var score = ActorMatcher.Score(MfccVoiceprint.Kind, prints[i].Print, prints[j].Print);
                if (prints[i].Identity == prints[j].Identity) same.Add(score);
                else different.Add(score);
            }
        var threshold = ActorMatcher.VoiceprintThreshold;
        var missed = same.Count(s => s < threshold);
        var confused = different.Count(s => s >= threshold);
        return new BenchRow("voices", "matching (mfcc-stats)", null,
            string.Create(CultureInfo.InvariantCulture,
                $"same speaker {Range(same)}, different {Range(different)}; at {threshold}: {missed}/{same.Count} same missed, {confused}/{different.Count} different matched"),
            new Dictionary<string, double>
            {
                ["same_min"] = same.Count > 0 ? Math.Round(same.Min(), 3) : 0,
                ["different_max"] = different.Count > 0 ? Math.Round(different.Max(), 3) : 0,
                ["threshold"] = threshold,
                ["same_missed"] = missed,
                ["different_matched"] = confused,
            },
            "same = halves of one speaker's turns (demo, pyannote_sample, jfk, video_en_speech); different = other speakers and the 8 sentence voices");
    }

    /// <summary>The parts of [start, end) no other speaker's turn covers.</summary>
    private static IEnumerable<(double Start, double End)> Unoverlapped(double start, double end, IReadOnlyList<Abstractions.Domain.SpeakerTurn> others)
    {
        var from = start;
        foreach (var o in others.Where(o => o.Start < end && o.End > start).OrderBy(o => o.Start))
        {
            if (o.Start > from) yield return (from, o.Start);
            from = Math.Max(from, o.End);
        }
        if (end > from) yield return (from, end);
    }

    private static string Range(List<double> scores) =>
        scores.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{scores.Min():0.000}-{scores.Max():0.000} (n={scores.Count})");

    private static async Task<float[]> ReadAsync(IMediaToolkit media, string file, BenchContext context)
    {
        var wav = Path.Combine(context.WorkDirectory, $"{Guid.NewGuid():N}.wav");
        await media.ExtractAudioAsync(file, wav, 16000, 1, SampleEncoding.Pcm16, null, context.CancellationToken).ConfigureAwait(false);
        try
        {
            return WavReader.ReadAll(wav).Samples;
        }
        finally
        {
            File.Delete(wav);
        }
    }
}
