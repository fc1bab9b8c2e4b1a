using DubAgent.Abstractions.Domain;

namespace DubAgent.Abstractions.Engines;

/// <summary>Translates a transcript segment by segment: N segments in, the same N out, same ids, times and speakers.</summary>
public interface ITranslator : IEngine
{
    /// <summary>Whether it can translate from one ISO 639-1 language to another.</summary>
    Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken);

    Task<Translation> TranslateAsync(TranslationRequest request, EngineContext context);
}

public sealed record TranslationRequest(
    Transcript Transcript,
    string TargetLanguage,
    IReadOnlyDictionary<string, string>? Glossary = null,
    IReadOnlyList<string>? DoNotTranslate = null,
    string? StyleNotes = null,
    IReadOnlyDictionary<string, string>? Options = null);
