using DubAgent.Abstractions.Domain;

namespace DubAgent.Abstractions.Engines;

/// <summary>Who speaks when: speaker turns over an audio file.</summary>
public interface IDiarizer : IEngine
{
    Task<IReadOnlyList<SpeakerTurn>> DiarizeAsync(DiarizationRequest request, EngineContext context);
}

/// <param name="NumSpeakers">Exact number of speakers when known; otherwise found automatically within the bounds.</param>
public sealed record DiarizationRequest(
    string AudioPath,
    int? NumSpeakers = null,
    int? MinSpeakers = null,
    int? MaxSpeakers = null,
    IReadOnlyDictionary<string, string>? Options = null);
