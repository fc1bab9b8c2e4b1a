using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Which present Piper voice speaks a step's language: the catalog's voice for that language first, then any other
/// whose config's language code or espeak voice is that language. A Piper voice speaks only its own language, so a
/// voice of another language is refused rather than made to read text it has no phonemes for.
/// </summary>
public static class PiperLanguageVoices
{
    /// <summary>The voices with the catalog's voices first, order otherwise kept: automatic casting takes the first voice that speaks the step's language.</summary>
    public static IReadOnlyList<PiperVoiceModel> Ordered(IEnumerable<PiperVoiceModel> voices) =>
        voices.OrderBy(v => PiperVoiceCatalog.Voices.Any(c => string.Equals(c.Name, v.Name, StringComparison.OrdinalIgnoreCase)) ? 0 : 1).ToList();

    /// <summary>The voices that speak the language, the catalog's first.</summary>
    public static IReadOnlyList<PiperVoiceModel> For(IEnumerable<PiperVoiceModel> voices, string language) =>
        Ordered(voices.Where(v => v.Speaks(language)));

    /// <summary>How to get a voice for the language: the catalog voice's pull command, or where to put another voice.</summary>
    public static string GetHint(string language) =>
        PiperVoiceCatalog.For(language) is { } voice
            ? $"get the catalog's '{language}' voice {voice.Name}: {PiperVoiceCatalog.PullHint(voice.Name)}"
            : $"the catalog has no Piper voice for '{language}': put one (.onnx with its .onnx.json, from https://huggingface.co/rhasspy/piper-voices) in the folder Piper:ModelDirectory names";

    /// <summary>
    /// The model and speaker that say a step: the requested voice when it speaks <paramref name="language"/>; an input
    /// error naming the voice to cast, or the command that gets one, when it does not or when no voice here speaks it.
    /// </summary>
    public static (PiperVoiceModel Model, int? Speaker) Choose(IReadOnlyList<PiperVoiceModel> voices, string voice, string language, string engine)
    {
        var speaking = string.IsNullOrWhiteSpace(language) ? voices : For(voices, language);
        if (speaking.Count == 0)
            throw new InputException(
                $"No {engine} voice here speaks '{language}' (present: {(voices.Count == 0 ? "none" : string.Join(", ", voices.Select(Describe)))}).",
                Capital(GetHint(language)) + ".");
        var (model, speaker) = PiperVoiceModel.Find(voices, voice, engine);
        if (string.IsNullOrWhiteSpace(language) || model.Speaks(language)) return (model, speaker);
        throw new InputException($"The {engine} voice '{voice}' speaks {model.Language ?? model.EspeakVoice}, not '{language}': a Piper voice speaks only its own language.",
            $"Cast {string.Join(" or ", speaking.SelectMany(v => v.Voices.Select(x => x.Voice)).Take(3))} for '{language}', or leave the speaker to automatic casting.");
    }

    private static string Describe(PiperVoiceModel voice) => $"{voice.Name} ({voice.Language ?? voice.EspeakVoice ?? "any language"})";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
