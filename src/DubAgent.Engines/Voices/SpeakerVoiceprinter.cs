using DubAgent.Abstractions.Models;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.Voices;

/// <summary>
/// The embeddings the library keeps for a speaker's reference speech (16 kHz mono): always the model-free
/// <see cref="MfccVoiceprint"/>, and the diarization engine's speaker-embedding model (WeSpeaker, kind = its model id)
/// when that model is in the store, averaged over 3 s windows. Matching uses the best kind both sides have.
/// </summary>
public sealed class SpeakerVoiceprinter(IConfiguration configuration, InferenceSessionCache sessions, IModelStore? store = null)
{
    private const int WindowSamples = 3 * KaldiFbank.SampleRate;

    public IReadOnlyList<SpeakerEmbedding> Embed(IReadOnlyList<float[]> stretches, string? source)
    {
        var now = DateTimeOffset.UtcNow;
        var embeddings = new List<SpeakerEmbedding>();
        if (ModelEmbedding(stretches) is { } model) embeddings.Add(new SpeakerEmbedding(SpeakerEmbeddingCatalog.DefaultModelId, model, source, now));
        if (MfccVoiceprint.Compute(stretches) is { } print) embeddings.Add(new SpeakerEmbedding(MfccVoiceprint.Kind, print, source, now));
        return embeddings;
    }

    /// <summary>The best match of a speaker's embeddings among the actors: a model kind first, else the voiceprint.</summary>
    public static ActorMatch? Match(IReadOnlyList<SpeakerEmbedding> speaker, IReadOnlyList<VoiceActor> actors, ISet<string>? exclude = null) =>
        speaker.OrderBy(e => e.Kind == MfccVoiceprint.Kind ? 1 : 0)
            .Select(e => ActorMatcher.Best(e, actors, exclude))
            .FirstOrDefault(m => m is not null);

    private float[]? ModelEmbedding(IReadOnlyList<float[]> stretches)
    {
        var (path, _) = EmbeddingModelLocator.Locate(EmbeddingsOptions.From(configuration), store);
        if (path is null) return null;
        SpeakerEmbeddingModel? model;
        try
        {
            (model, _) = SpeakerEmbeddingModel.From(sessions.Get(path));
        }
        catch (OnnxRuntimeException)
        {
            return null; // a broken model leaves the voiceprint; `dubagent doctor` reports the model itself
        }
        if (model is null) return null;
        var fbank = new KaldiFbank(model.FeatureBins);
        float[]? sum = null;
        var count = 0;
        foreach (var stretch in stretches)
            for (var start = 0; start < stretch.Length; start += WindowSamples)
            {
                var window = stretch.AsSpan(start, Math.Min(WindowSamples, stretch.Length - start));
                var frames = KaldiFbank.FrameCount(window.Length);
                if (frames < 100) continue;
                var features = fbank.Compute(window);
                KaldiFbank.SubtractMean(features, fbank.Bins);
                var e = model.Embed(features, frames);
                var norm = (float)Math.Sqrt(e.Sum(x => x * x));
                sum ??= new float[e.Length];
                for (var i = 0; i < e.Length; i++) sum[i] += norm > 0 ? e[i] / norm : 0;
                count++;
            }
        return sum is null ? null : sum.Select(x => x / count).ToArray();
    }
}
