namespace DubAgent.Abstractions.Engines;

/// <summary>Splits a soundtrack into stems: always vocals + background (or original, for plain extraction).</summary>
public interface ISeparator : IEngine
{
    Task<SeparationOutput> SeparateAsync(SeparationRequest request, EngineContext context);
}

/// <param name="InputPath">Audio or video file.</param>
/// <param name="OutputDirectory">Where the stems go, as `vocals.wav`, `background.wav`, ...</param>
/// <param name="Options">Engine settings from the call (model, shifts, stems...).</param>
public sealed record SeparationRequest(string InputPath, string OutputDirectory, IReadOnlyDictionary<string, string>? Options = null);

/// <param name="Stems">Stem name (see <see cref="StemNames"/>) to WAV path.</param>
/// <param name="Note">What the engine did, for the record (e.g. "no separation: original audio only").</param>
public sealed record SeparationOutput(IReadOnlyDictionary<string, string> Stems, string? Note = null);

/// <summary>DESIGN.md's stem set.</summary>
public static class StemNames
{
    public const string Vocals = "vocals";
    public const string Background = "background";
    public const string Music = "music";
    public const string Sfx = "sfx";
    public const string Ambient = "ambient";
    public const string Original = "original";
}
