using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;

namespace DubAgent.Engines.Separation.Plain;

/// <summary>
/// The plain route (engine `ffmpeg`): no separation. The source's audio is extracted whole as original.wav at its own
/// rate and channels; the mix stage then lays the dub over the ducked original. Right for short, low-budget videos.
/// </summary>
public sealed class PlainExtractionSeparator(IMediaToolkit media) : ISeparator
{
    public const string NoteText = "no separation: the original audio was extracted whole as original.wav (dialogue, music and effects stay mixed)";

    public string Name => "ffmpeg";

    public string Capability => Capabilities.Separate;

    public string Description =>
        "Plain extraction with ffmpeg, no separation: original.wav only; the dub is laid over the ducked original. For short, low-budget videos.";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineStatus.Ready("1", "uses ffmpeg"));

    public async Task<SeparationOutput> SeparateAsync(SeparationRequest request, EngineContext context)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        var original = Path.Combine(request.OutputDirectory, StemNames.Original + ".wav");
        await media.ExtractAudioAsync(request.InputPath, original, null, null, SampleEncoding.Pcm16, context.Progress,
            context.CancellationToken).ConfigureAwait(false);
        return new SeparationOutput(new Dictionary<string, string> { [StemNames.Original] = original }, NoteText);
    }
}
