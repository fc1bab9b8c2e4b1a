namespace DubAgent.Engines.Languages;

/// <summary>
/// A synthesizer whose voices each speak one language and can be fetched (Piper): how to get a voice for a language
/// it does not speak yet, for the error that refuses that language.
/// </summary>
public interface ILanguageVoiceHint
{
    string VoiceHint(string language);

    /// <summary>The languages it can fetch a voice for, each with what to fetch (e.g. "es" -> "piper-es_ES-davefx-medium").</summary>
    IReadOnlyDictionary<string, string> FetchableVoices { get; }
}
