using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Translation;

public sealed class TranslateArguments : IEngineArguments
{
    [Description("Path of the transcript.json to translate (from transcribe/diarize: segments with id, speaker, start, end, text).")]
    public required string Transcript { get; set; }

    [Description("Target language as an ISO 639-1 code, e.g. 'es', 'fr', 'en'.")]
    public required string TargetLanguage { get; set; }

    [Description("Optional glossary: source term -> the translation to use every time (e.g. {\"Starship\": \"Nave Estelar\"}).")]
    public Dictionary<string, string>? Glossary { get; set; }

    [Description("Optional names to keep exactly as written (people, places, brands).")]
    public List<string>? DoNotTranslate { get; set; }

    [Description("Optional glossary file: JSON {\"glossary\": {term: translation}, \"do_not_translate\": [names]}, or text with 'term = translation' or a bare name on each line. Entries in glossary/do_not_translate win over the file's.")]
    public string? GlossaryFile { get; set; }

    [Description("Optional style notes for the translator (audience, register, what to keep), used by the llm engine.")]
    public string? StyleNotes { get; set; }

    [Description("Engine: 'llm' (tone-preserving planner over a chat model) or 'apertium' (offline, literal). Default: the first that can run here.")]
    public string? Engine { get; set; }

    [Description("For engine llm: a model name overriding the configured one, or 'client' to use the calling MCP client's own model through sampling.")]
    public string? Model { get; set; }

    [Description("For engine llm: how many rounds lines over their time budget go back for a shorter wording (default 2).")]
    public int? MaxRounds { get; set; }

    [Description("Output file name, written in the step's folder (default translation.json).")]
    [OutputPath]
    public string? Output { get; set; }
}
