using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// The `subtitles` engine: an existing .srt or .vtt becomes the transcript, one segment per cue. The language is
/// the request's, else a language tag in the file name (movie.es.srt), else "und".
/// </summary>
public sealed class SubtitleTranscriber : ITranscriber
{
    public const string EngineName = "subtitles";

    public string Name => EngineName;

    public string Capability => Capabilities.Transcribe;

    public string Description => "Imports an existing .srt or .vtt file as the transcript (any language; times and text as written).";

    public IReadOnlyList<string> Languages => [];

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineStatus.Ready(typeof(SubtitleTranscriber).Assembly.GetName().Version?.ToString(3), "built in"));

    public Task<Transcript> TranscribeAsync(TranscriptionRequest request, EngineContext context)
    {
        if (!SubtitleCueReader.IsSubtitleFile(request.AudioPath))
            throw new InputException($"The subtitles engine reads .srt or .vtt files; '{request.AudioPath}' is neither.",
                "Give the subtitle file as input, or choose a speech engine (pocketsphinx, openai, whisper-cpp) for audio.");
        var segments = SubtitleCueReader.Read(request.AudioPath);
        return Task.FromResult(new Transcript
        {
            Language = request.Language ?? LanguageFromName(request.AudioPath) ?? "und",
            TotalDuration = segments.Count == 0 ? 0 : segments.Max(s => s.End),
            Segments = segments,
        });
    }

    /// <summary>"film.es.srt" -> "es".</summary>
    private static string? LanguageFromName(string path)
    {
        var tag = Path.GetExtension(Path.GetFileNameWithoutExtension(path)).TrimStart('.');
        return tag.Length == 2 && tag.All(char.IsAsciiLetter) ? tag.ToLowerInvariant() : null;
    }
}
