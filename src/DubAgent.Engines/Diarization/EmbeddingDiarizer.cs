using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// The `embeddings` engine: the `mfcc` engine's segmentation (<see cref="SpeechSegmenter"/>), a speaker-embedding
/// network on ONNX Runtime over Kaldi filterbanks computed here (<see cref="WindowEmbedder"/>), centroid-linkage
/// clustering of the embeddings, and the same block re-segmentation (<see cref="SpeakerResegmenter"/>).
/// The model comes from `Embeddings:Model` or the model store; without it the engine is unavailable.
/// </summary>
public sealed class EmbeddingDiarizer(
    IConfiguration configuration, SpeechSegmenter segmenter, IMediaToolkit media, InferenceSessionCache sessions, IModelStore? store = null) : IDiarizer
{
    public string Name => "embeddings";

    public string Capability => Capabilities.Diarize;

    public string Description =>
        "Speaker diarization with a neural speaker-embedding model (WeSpeaker ResNet34 or 3D-Speaker CAM++ on ONNX Runtime) over the built-in segmentation; tells similar voices apart better than mfcc.";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var options = EmbeddingsOptions.From(configuration);
        var (path, missing) = EmbeddingModelLocator.Locate(options, store);
        if (path is null) return Task.FromResult(EngineStatus.Missing(missing!, $"{EmbeddingModelLocator.PullHintFor(options)}, or set Embeddings:Model to a speaker-embedding ONNX file"));
        var file = new FileInfo(path);
        var version = $"{typeof(EmbeddingDiarizer).Assembly.GetName().Version?.ToString(3)}/{file.Name}:{file.Length}";
        return Task.FromResult(EngineStatus.Ready(version, file.FullName));
    }

    public async Task<IReadOnlyList<SpeakerTurn>> DiarizeAsync(DiarizationRequest request, EngineContext context)
    {
        if (request.NumSpeakers is < 1) throw new InputException($"num_speakers must be at least 1 (got {request.NumSpeakers}).", "Leave it out to find the count automatically.");
        var options = EmbeddingsOptions.From(configuration);
        var model = Load(options);
        var speech = await segmenter.SegmentAsync(request.AudioPath, context, MfccOptions.From(configuration).ChangeThreshold).ConfigureAwait(false);
        if (speech is null) return [];

        IReadOnlyList<EmbeddedWindow> windows;
        using (var reader = media.OpenWav(speech.WavPath))
            windows = new WindowEmbedder(model) { WindowSeconds = options.WindowSeconds }.Embed(speech, reader, context.Progress, context.CancellationToken);
        var blocks = speech.Blocks;
        if (windows.Count == 0) return SpeakerTurnsFromBlocks.Turns(blocks, new int[blocks.Count]);

        var windowLabels = new AgglomerativeClusterer { StopDistance = options.StopDistance }.Cluster(
            new CentroidLinkage(windows.Select(w => w.Embedding).ToList()), request.NumSpeakers, request.MinSpeakers ?? 1, request.MaxSpeakers ?? 20);
        var labels = NearestWindowLabels(speech, windows, windowLabels);
        var scorer = new EmbeddingSpeakerScorer(blocks, EmbeddingSpeakerScorer.BlockEmbeddings(speech, windows));
        var resegmenter = new SpeakerResegmenter { MinClusterShare = options.MinClusterShare };
        labels = resegmenter.Refine(blocks, labels, scorer.Score, dropSmall: request.NumSpeakers is null, request.NumSpeakers ?? request.MinSpeakers ?? 1);
        return SpeakerTurnsFromBlocks.Turns(blocks, labels);
    }

    private SpeakerEmbeddingModel Load(EmbeddingsOptions options)
    {
        var (path, missing) = EmbeddingModelLocator.Locate(options, store);
        if (path is null)
            throw new EngineUnavailableException(Name, Capability, missing!, $"{EmbeddingModelLocator.PullHintFor(options)}, or set Embeddings:Model to a speaker-embedding ONNX file");
        InferenceSession session;
        try
        {
            session = sessions.Get(path);
        }
        catch (Exception e) when (e is OnnxRuntimeException or IOException or UnauthorizedAccessException)
        {
            throw new EngineFailedException(Name, $"the speaker-embedding model '{path}' could not be loaded ({e.Message.Split('\n', 2)[0].Trim()})",
                $"Check the file, or get it again with `{EmbeddingModelLocator.PullHintFor(options)}`.", null, e);
        }
        var (model, problem) = SpeakerEmbeddingModel.From(session);
        return model ?? throw new EngineFailedException(Name, $"'{path}': {problem}", $"Set Embeddings:Model to a WeSpeaker- or 3D-Speaker-style model, or use `{EmbeddingModelLocator.PullHintFor(options)}`.");
    }

    /// <summary>Each block starts with the cluster of the window of its segment whose centre is nearest its own.</summary>
    private static int[] NearestWindowLabels(SegmentedSpeech speech, IReadOnlyList<EmbeddedWindow> windows, int[] windowLabels)
    {
        var labels = Enumerable.Repeat(-1, speech.Blocks.Count).ToArray();
        var bySegment = windows.Select((w, i) => (w, i)).GroupBy(p => p.w.Segment).ToDictionary(g => g.Key, g => g.ToList());
        for (var s = 0; s < speech.Segments.Count; s++)
        {
            if (!bySegment.TryGetValue(s, out var own)) continue;
            for (var b = speech.Segments[s].Start; b < speech.Segments[s].End; b++)
            {
                var centre = (speech.Blocks[b].Start + speech.Blocks[b].End) / 2;
                labels[b] = windowLabels[own.MinBy(p => Math.Abs(p.w.Centre - centre)).i];
            }
        }
        return labels;
    }
}
