using DubAgent.Abstractions.Domain;

namespace DubAgent.Abstractions.Engines;

/// <summary>Speech to text with segment times.</summary>
public interface ITranscriber : IEngine
{
    /// <summary>ISO 639-1 codes it can transcribe; empty means any.</summary>
    IReadOnlyList<string> Languages { get; }

    Task<Transcript> TranscribeAsync(TranscriptionRequest request, EngineContext context);
}

/// <param name="AudioPath">Audio or video file (usually the vocals stem).</param>
/// <param name="Language">ISO 639-1 code, or null to detect.</param>
public sealed record TranscriptionRequest(string AudioPath, string? Language, IReadOnlyDictionary<string, string>? Options = null);
