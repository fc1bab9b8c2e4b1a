using DubAgent.Abstractions.Engines;
using DubAgent.Core.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// Whether live recognition pays for its speed in words: WER of the live path (pruned pocketsphinx on VAD-cut
/// utterances, the final transcripts a client received) against the batch transcribe path (the pocketsphinx engine on
/// the whole file), over the same recordings with exact references.
/// </summary>
public static class LiveRecognitionQuality
{
    public static async Task<BenchRow> RowAsync(string stage, IReadOnlyList<(LiveBenchClips.Clip Clip, string Heard)> live,
        IReadOnlyList<(LiveBenchClips.Clip Clip, string Heard)> accurate, BenchContext context)
    {
        var scored = live.Where(l => l.Clip.Reference is not null).ToList();
        if (scored.Count == 0) return new BenchRow(stage, "live recognition", null, null, Note: "no recording with a reference text");
        var liveScore = Sum(scored.Select(l => WerScore.Compute(l.Clip.Reference!, l.Heard)));
        var accurateScore = Sum(accurate.Where(l => l.Clip.Reference is not null).Select(l => WerScore.Compute(l.Clip.Reference!, l.Heard)));
        var figures = new Dictionary<string, double>
        {
            ["live_wer"] = liveScore.Rate, ["live_accurate_wer"] = accurateScore.Rate, ["reference_words"] = liveScore.ReferenceWords,
        };
        string batchText;
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        if (registry.Find(Capabilities.Transcribe, "pocketsphinx") is ITranscriber batch && (await registry.StatusAsync(batch, context.CancellationToken).ConfigureAwait(false)).Available)
        {
            var scores = new List<WerScore>();
            foreach (var (clip, _) in scored)
            {
                var work = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, "batch-" + Guid.NewGuid().ToString("N")[..8])).FullName;
                var transcript = await batch.TranscribeAsync(new TranscriptionRequest(clip.Path, "en"),
                    new EngineContext { WorkDirectory = work, CancellationToken = context.CancellationToken }).ConfigureAwait(false);
                scores.Add(WerScore.Compute(clip.Reference!, string.Join(' ', transcript.Segments.Select(s => s.Text))));
            }
            var batchScore = Sum(scores);
            figures["batch_wer"] = batchScore.Rate;
            batchText = $"batch transcribe (pocketsphinx engine, whole file) WER {batchScore.Rate:P1}";
        }
        else batchText = "batch pocketsphinx engine not available here";
        return new BenchRow(stage, "live recognition", null,
            $"live WER {liveScore.Rate:P1} ({liveScore.Substitutions} sub, {liveScore.Deletions} del, {liveScore.Insertions} ins of {liveScore.ReferenceWords} words); " +
            $"live with Live:Search=accurate {accurateScore.Rate:P1}; {batchText}",
            figures, string.Join(", ", scored.Select(s => s.Clip.Name)));
    }

    private static WerScore Sum(IEnumerable<WerScore> scores) =>
        scores.Aggregate(new WerScore(0, 0, 0, 0), (a, b) => new WerScore(a.Substitutions + b.Substitutions, a.Deletions + b.Deletions,
            a.Insertions + b.Insertions, a.ReferenceWords + b.ReferenceWords));
}
