using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>
/// Finds the known actor nearest a speaker's embedding. Only embeddings of the same kind compare: model embeddings by
/// cosine similarity, mfcc voiceprints by <see cref="MfccVoiceprint.Score"/>. Each kind has its own threshold (calibrated by
/// `dubagent bench --stage voices`).
/// </summary>
public static class ActorMatcher
{
    /// <summary>Same-speaker cosine of WeSpeaker ResNet34 embeddings sits above 0.5 on VoxCeleb (its EER threshold is near 0.3-0.4).</summary>
    public const double CosineThreshold = 0.5;

    /// <summary>
    /// mfcc-stats, calibrated by `dubagent bench --stage voices`: the same speaker before and after a cut scored 0.662-0.957
    /// (demo, pyannote_sample, jfk, video_en_speech), 190 pairs of different speakers 0-0.888; at 0.7, 1 of 6 same pairs is
    /// missed and 3 of 184 different pairs match (all the two telephone voices of pyannote_sample, which the one actor per
    /// speaker assignment then resolves by the better score).
    /// </summary>
    public const double VoiceprintThreshold = 0.7;

    public static double ThresholdFor(string kind) => kind == MfccVoiceprint.Kind ? VoiceprintThreshold : CosineThreshold;

    public static double Score(string kind, IReadOnlyList<float> a, IReadOnlyList<float> b) =>
        kind == MfccVoiceprint.Kind ? MfccVoiceprint.Score(a, b) : Cosine(a, b);

    /// <summary>The best-scoring actor (its best embedding of that kind), or null when none has an embedding of that kind.</summary>
    public static ActorMatch? Best(SpeakerEmbedding embedding, IEnumerable<VoiceActor> actors, ISet<string>? exclude = null)
    {
        ActorMatch? best = null;
        foreach (var actor in actors)
        {
            if (exclude?.Contains(actor.Name) == true) continue;
            foreach (var known in actor.Embeddings.Where(e => e.Kind == embedding.Kind && e.Vector.Count == embedding.Vector.Count))
            {
                var score = Score(embedding.Kind, embedding.Vector, known.Vector);
                if (best is null || score > best.Score) best = new ActorMatch(actor.Name, embedding.Kind, Math.Round(score, 4), ThresholdFor(embedding.Kind));
            }
        }
        return best;
    }

    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
