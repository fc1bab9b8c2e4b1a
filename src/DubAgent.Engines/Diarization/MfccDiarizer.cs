using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Built-in diarization with no model: speech regions cut where the voice changes (<see cref="SpeechSegmenter"/>),
/// segments clustered as Gaussians of their cepstra by the Bayesian information criterion (count found or given),
/// then re-segmented block by block (<see cref="SpeakerResegmenter"/>). Settings: <see cref="MfccOptions"/>.
/// </summary>
public sealed class MfccDiarizer(IConfiguration configuration, SpeechSegmenter segmenter) : IDiarizer
{
    /// <summary>Clustering is quadratic; longer inputs cluster a uniform sample of segments and re-segmentation assigns the rest.</summary>
    private const int MaxClusteredSegments = 1000;

    public string Name => "mfcc";

    public string Capability => Capabilities.Diarize;

    public string Description =>
        "Built-in speaker diarization (cepstral Gaussians, BIC change detection and clustering, Viterbi re-segmentation); runs anywhere, best on clean dialogue.";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineStatus.Ready(typeof(MfccDiarizer).Assembly.GetName().Version?.ToString(3), "built in"));

    public async Task<IReadOnlyList<SpeakerTurn>> DiarizeAsync(DiarizationRequest request, EngineContext context)
    {
        if (request.NumSpeakers is < 1) throw new InputException($"num_speakers must be at least 1 (got {request.NumSpeakers}).", "Leave it out to find the count automatically.");
        var options = MfccOptions.From(configuration);
        var speech = await segmenter.SegmentAsync(request.AudioPath, context, options.ChangeThreshold).ConfigureAwait(false);
        if (speech is null) return [];

        var step = Math.Max(1, (int)Math.Ceiling(speech.Segments.Count / (double)MaxClusteredSegments));
        var sample = speech.Segments.Where((_, i) => i % step == 0).ToList();
        var blocks = speech.Blocks;
        var segmentLabels = new AgglomerativeClusterer { StopDistance = options.StopDistance }.Cluster(
            new BicLinkage(sample.Select(s => SpeakerChangeDetector.Sum(blocks, s.Start, s.End)), speech.Distance),
            request.NumSpeakers, request.MinSpeakers ?? 1, request.MaxSpeakers ?? 20);

        var resegmenter = new SpeakerResegmenter
        {
            Viterbi = new ViterbiResegmenter { SwitchPenalty = options.SwitchPenalty },
            MinClusterShare = options.MinClusterShare,
        };
        var scorer = new GaussianSpeakerScorer(blocks, speech.Distance.Floor);
        var labels = resegmenter.Refine(blocks, speech.LabelsFrom(sample, segmentLabels), scorer.Score,
            dropSmall: request.NumSpeakers is null, request.NumSpeakers ?? request.MinSpeakers ?? 1);
        return SpeakerTurnsFromBlocks.Turns(blocks, labels, overlap: new OverlapMarker { MarginPerFrame = options.OverlapMargin }, score: scorer.Score);
    }
}
