using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Gives each speaker a voice: the caller's cast first, then distinct voices for the rest. Speakers whose original
/// pitch was measured get voices in the same order (a lower original voice gets a lower synthetic one); the others
/// get voices far apart in pitch. The same inputs always give the same cast, so it holds for the whole job.
/// </summary>
public static class VoiceCaster
{
    // The f0 range mapped onto a voice's relative pitch 0..1 (a low male voice to a high female voice).
    private const double LowHz = 85;
    private const double HighHz = 255;

    /// <param name="speakers">Speakers in order of first appearance.</param>
    /// <param name="voices">Every voice of the engine (for checking the caller's cast).</param>
    /// <param name="language">The target language; automatic casting prefers voices that speak it.</param>
    /// <param name="reserved">
    /// Voices automatic casting never deals out: voices cloned from people in the voice library, which speak only for
    /// the person they were cloned from (a requested voice is the caller's choice).
    /// </param>
    public static IReadOnlyList<CastEntry> Cast(string engine, IReadOnlyList<string> speakers, IReadOnlyList<VoiceInfo> voices,
        string language, IReadOnlyDictionary<string, string>? requested, IReadOnlyDictionary<string, double>? pitches,
        IReadOnlySet<string>? reserved = null)
    {
        if (voices.Count == 0)
            throw new EngineFailedException(engine, "it lists no voices", $"Check its configuration (`dubagent voices {engine}`).");
        var cast = new Dictionary<string, CastEntry>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (speaker, voiceName) in requested ?? new Dictionary<string, string>())
        {
            var voice = Requested(engine, voices, speaker, voiceName);
            cast[speaker] = new CastEntry(speaker, voice.Name, "arguments", pitches?.GetValueOrDefault(speaker) is > 0 and var p ? p : null, voice.Pitch);
            used.Add(voice.Name);
        }

        var open = speakers.Where(s => !cast.ContainsKey(s)).ToList();
        if (open.Count == 0) return Ordered(speakers, cast);

        var free = reserved is { Count: > 0 } ? voices.Where(v => !reserved.Contains(v.Name)).ToList() : voices;
        if (free.Count == 0)
            throw new InputException(
                $"Engine '{engine}' offers only voices cloned from people in the voice library, and {string.Join(", ", open)} matched none of them: " +
                "a cloned voice speaks only for the person it was cloned from.",
                "Name a voice for each of these speakers (`voices`), name their actor (`actors`) or turn voice_library on to recognise them, " +
                "or dub them with another engine.");
        var pool = Pool(free, language, used);
        var measured = open.Where(s => pitches?.ContainsKey(s) == true).OrderBy(s => pitches![s]).ThenBy(s => s, StringComparer.Ordinal).ToList();
        var unmeasured = open.Where(s => pitches?.ContainsKey(s) != true).ToList();

        // Measured speakers: nearest voice by pitch, then re-dealt so the order of pitches is kept.
        var chosen = new List<VoiceInfo>();
        foreach (var speaker in measured)
        {
            var target = RelativePitch(pitches![speaker]);
            var pick = pool.Where(v => !chosen.Contains(v)).OrderBy(v => Math.Abs((v.Pitch ?? 0.5) - target)).FirstOrDefault()
                ?? pool[chosen.Count % pool.Count];
            chosen.Add(pick);
        }
        var byPitch = chosen.OrderBy(v => v.Pitch ?? 0.5).ToList();
        for (var i = 0; i < measured.Count; i++)
            cast[measured[i]] = new CastEntry(measured[i], byPitch[i].Name, "automatic", pitches![measured[i]], byPitch[i].Pitch);

        // Unmeasured speakers: alternate between the low and high ends of what is left, for contrast.
        var left = pool.Where(v => !chosen.Contains(v)).OrderBy(v => v.Pitch ?? 0.5).ToList();
        if (left.Count == 0) left = pool.OrderBy(v => v.Pitch ?? 0.5).ToList();
        var contrast = Alternate(left);
        for (var i = 0; i < unmeasured.Count; i++)
        {
            var voice = contrast[i % contrast.Count];
            cast[unmeasured[i]] = new CastEntry(unmeasured[i], voice.Name, "automatic", null, voice.Pitch);
        }
        return Ordered(speakers, cast);
    }

    /// <summary>The voice a caller cast for a speaker; an input error naming the engine's voices when it has no such voice.</summary>
    public static VoiceInfo Requested(string engine, IReadOnlyList<VoiceInfo> voices, string speaker, string voiceName) =>
        voices.FirstOrDefault(v => string.Equals(v.Name, voiceName, StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException(
            $"Unknown voice '{voiceName}' for speaker '{speaker}': engine '{engine}' has no such voice.",
            $"Use one of: {string.Join(", ", voices.Select(v => v.Name))}.");

    public static double RelativePitch(double hz) =>
        Math.Clamp((Math.Log(hz) - Math.Log(LowHz)) / (Math.Log(HighHz) - Math.Log(LowHz)), 0, 1);

    /// <summary>Voices that speak the language and are not taken yet; if none, those that speak it; if none, all.</summary>
    private static List<VoiceInfo> Pool(IReadOnlyList<VoiceInfo> voices, string language, HashSet<string> used)
    {
        var speaking = voices.Where(v => Speaks(v, language)).ToList();
        if (speaking.Count == 0) speaking = voices.ToList();
        var free = speaking.Where(v => !used.Contains(v.Name)).ToList();
        return free.Count > 0 ? free : speaking;
    }

    private static bool Speaks(VoiceInfo voice, string language)
    {
        if (voice.Languages.Count == 0 || string.IsNullOrEmpty(language)) return true;
        return voice.Languages.Any(l => LanguageSet.SamePrimary(l, language));
    }

    private static List<VoiceInfo> Alternate(List<VoiceInfo> sorted)
    {
        var result = new List<VoiceInfo>(sorted.Count);
        for (int lo = 0, hi = sorted.Count - 1; lo <= hi; lo++, hi--)
        {
            result.Add(sorted[lo]);
            if (hi != lo) result.Add(sorted[hi]);
        }
        return result;
    }

    private static IReadOnlyList<CastEntry> Ordered(IReadOnlyList<string> speakers, Dictionary<string, CastEntry> cast) =>
        speakers.Where(cast.ContainsKey).Select(s => cast[s]).ToList();
}
