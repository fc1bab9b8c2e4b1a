using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Voices;

namespace DubAgent.Server.Live.Voices;

/// <summary>
/// preserve_voice with the voice library: each live speaker's speech is gathered until it gives a voiceprint
/// (<see cref="MfccVoiceprint"/>, the library's model-free kind) and is matched once against the library's actors
/// (<see cref="ActorMatcher"/>, its calibrated threshold; one actor per speaker). A matched actor speaks with their voice
/// for the target language (their assignment, else their cloned voice); a speaker heard for
/// <see cref="GiveUpSeconds"/> without a match keeps the session's own voice.
/// </summary>
public sealed class LibraryCasting(IReadOnlyList<VoiceActor> actors, string target)
{
    public const double GiveUpSeconds = 15;
    private const int Rate = 16_000;
    private const double MinSeconds = 1.5;

    private readonly Dictionary<string, Heard> _speakers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The speaker's actor voice once matched (Decided true only on the call that decided it), or null.</summary>
    public (ActorVoice? Voice, bool Decided) Resolve(string speaker, ReadOnlySpan<short> audio)
    {
        if (!_speakers.TryGetValue(speaker, out var heard)) _speakers[speaker] = heard = new Heard();
        if (heard.Done) return (heard.Voice, false);
        if (actors.Count == 0)
        {
            heard.Done = true;
            return (null, false);
        }
        var stretch = new float[audio.Length];
        for (var i = 0; i < stretch.Length; i++) stretch[i] = audio[i] / 32768f;
        heard.Stretches.Add(stretch);
        heard.Samples += stretch.Length;
        if (heard.Samples < MinSeconds * Rate) return (null, false);
        if (MfccVoiceprint.Compute(heard.Stretches) is { } print)
        {
            var match = ActorMatcher.Best(new SpeakerEmbedding(MfccVoiceprint.Kind, print, speaker, DateTimeOffset.UtcNow), actors, _taken);
            if (match is { IsMatch: true })
            {
                _taken.Add(match.Actor);
                heard.Voice = VoiceOf(actors.First(a => string.Equals(a.Name, match.Actor, StringComparison.OrdinalIgnoreCase)), match.Score);
            }
        }
        heard.Done = heard.Voice is not null || heard.Samples >= GiveUpSeconds * Rate;
        if (heard.Done) heard.Stretches.Clear();
        return (heard.Voice, heard.Voice is not null);
    }

    private ActorVoice VoiceOf(VoiceActor actor, double score)
    {
        if (actor.AssignmentFor(target) is { } assigned)
            return new ActorVoice(actor.Name, score, assigned.Engine, assigned.Voice, assigned.Rate);
        if (actor.ClonedVoices.LastOrDefault() is { } cloned) return new ActorVoice(actor.Name, score, cloned.Engine, cloned.VoiceId, null);
        return new ActorVoice(actor.Name, score, null, null, null);
    }

    private sealed class Heard
    {
        public List<float[]> Stretches { get; } = [];
        public int Samples { get; set; }
        public bool Done { get; set; }
        public ActorVoice? Voice { get; set; }
    }
}

/// <summary>A library actor matched to a live speaker and the voice they get (null engine: the actor has no voice for the language).</summary>
public sealed record ActorVoice(string Actor, double Score, string? Engine, string? Voice, double? Rate);
