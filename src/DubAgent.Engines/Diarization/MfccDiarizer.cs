using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Engines.Transcription;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Built-in diarization: the speech detector's regions (Silero VAD, else energy), MFCC + delta + pitch statistics per sliding window as speaker
/// embeddings, average-linkage agglomerative clustering (speaker count found or given), smoothing of short flips.
/// Settings: <see cref="MfccOptions"/>.
/// </summary>
public sealed class MfccDiarizer(IMediaToolkit media, IConfiguration configuration, SpeechRegionFinder speech) : IDiarizer
{
    /// <summary>Clustering is quadratic in memory; longer inputs cluster a uniform sample and assign the rest to the nearest centre.</summary>
    private const int MaxClusteredBlocks = 1500;

    public string Name => "mfcc";

    public string Capability => Capabilities.Diarize;

    public string Description =>
        "Built-in speaker diarization (MFCC and pitch embeddings, agglomerative clustering); runs anywhere, best on clean dialogue with distinct voices.";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineStatus.Ready(typeof(MfccDiarizer).Assembly.GetName().Version?.ToString(3), "built in"));

    public async Task<IReadOnlyList<SpeakerTurn>> DiarizeAsync(DiarizationRequest request, EngineContext context)
    {
        if (request.NumSpeakers is < 1) throw new InputException($"num_speakers must be at least 1 (got {request.NumSpeakers}).", "Leave it out to find the count automatically.");
        var (wav, _) = await Mono16kExtractor.PrepareAsync(media, request.AudioPath, context.WorkDirectory, context.Progress, context.CancellationToken)
            .ConfigureAwait(false);
        var spans = await speech.FindAsync(wav, context).ConfigureAwait(false);
        if (spans.Count == 0) return [];
        using var reader = media.OpenWav(wav);

        var blocks = new SpeechBlockExtractor().Extract(reader, spans, context.Progress, context.CancellationToken);
        var embeddings = new SpeakerEmbedder().Embed(blocks);
        var labels = Cluster(embeddings, request);
        var smoothed = new LabelSmoother().Smooth(labels, blocks.Select(b => b.Span).ToArray());
        var turns = blocks.Select((b, i) => new SpeakerTurn(b.Start, b.End, smoothed[i].ToString(CultureInfo.InvariantCulture)));
        return SpeakerNames.Normalise(turns);
    }

    private int[] Cluster(float[]?[] embeddings, DiarizationRequest request)
    {
        var present = Enumerable.Range(0, embeddings.Length).Where(i => embeddings[i] is not null).ToList();
        var labels = new int[embeddings.Length];
        if (present.Count == 0) return labels; // too little speech to tell voices apart: one speaker

        var step = Math.Max(1, (int)Math.Ceiling(present.Count / (double)MaxClusteredBlocks));
        var sample = present.Where((_, k) => k % step == 0).ToList();
        var clusterer = new AgglomerativeClusterer { StopDistance = MfccOptions.From(configuration).StopDistance };
        var sampleLabels = clusterer.Cluster(sample.Select(i => embeddings[i]!).ToList(), request.NumSpeakers,
            request.MinSpeakers ?? 1, request.MaxSpeakers ?? 20);
        if (request.NumSpeakers is null) sampleLabels = AbsorbSmallClusters(sampleLabels, request.MinSpeakers ?? 1);
        var centres = Centres(sample.Select(i => embeddings[i]!).ToList(), sampleLabels);

        // Every block gets the nearest centre; blocks without an embedding take the previous block's label.
        var previous = 0;
        for (var i = 0; i < embeddings.Length; i++)
        {
            labels[i] = embeddings[i] is { } v ? Nearest(v, centres) : previous;
            previous = labels[i];
        }
        return labels;
    }

    /// <summary>
    /// A cluster holding under <see cref="MfccOptions.MinClusterShare"/> of the speech is usually a cough, a laugh or a window
    /// that straddles two voices, not a speaker: its blocks go to the nearest remaining centre.
    /// </summary>
    private int[] AbsorbSmallClusters(int[] labels, int minSpeakers)
    {
        var share = MfccOptions.From(configuration).MinClusterShare;
        var sizes = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var keep = sizes.Where(p => p.Value >= share * labels.Length).Select(p => p.Key).ToHashSet();
        foreach (var extra in sizes.OrderByDescending(p => p.Value).Select(p => p.Key))
        {
            if (keep.Count >= Math.Max(1, minSpeakers)) break;
            keep.Add(extra);
        }
        if (keep.Count == sizes.Count) return labels;
        var renumber = keep.Order().Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        return labels.Select(l => renumber.TryGetValue(l, out var n) ? n : -1).ToArray();
    }

    private static List<float[]> Centres(List<float[]> vectors, int[] labels)
    {
        var k = Math.Max(1, labels.Max() + 1);
        var centres = Enumerable.Range(0, k).Select(_ => new float[vectors[0].Length]).ToList();
        for (var i = 0; i < vectors.Count; i++)
        {
            if (labels[i] < 0) continue; // absorbed: assigned to the nearest centre afterwards
            var unit = Unit(vectors[i]);
            for (var d = 0; d < unit.Length; d++) centres[labels[i]][d] += unit[d];
        }
        return centres.Select(Unit).ToList();
    }

    private static int Nearest(float[] vector, List<float[]> centres)
    {
        var unit = Unit(vector);
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < centres.Count; c++)
        {
            float score = 0;
            for (var d = 0; d < unit.Length; d++) score += unit[d] * centres[c][d];
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm > 0 ? v.Select(x => x / norm).ToArray() : v;
    }
}
