using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using System.Globalization;

namespace DubAgent.Engines.Separation.Dsp;

/// <summary>
/// Engine `dsp`: the spectral separator written here (<see cref="SpectralSeparator"/>), needing no model and no
/// download. Voice by its pitch's harmonics and the voice-activity detector, background by median filtering and
/// Wiener-style masks; `stems: four` (or split_background) also splits the background into music and sfx.
/// </summary>
public sealed class DspSeparator(IMediaToolkit media) : ISeparator
{
    /// <summary>Bumped whenever the algorithm or its defaults change (it is part of the step cache key).</summary>
    public const string AlgorithmVersion = "1.0";

    public string Name => "dsp";

    public string Capability => Capabilities.Separate;

    public string Description =>
        "Spectral separation written in DubAgent (pitch-following harmonic masks, median filtering, Wiener refinement, stereo centre): " +
        "works on any machine with no model, fast; cleaner on speech over music beds than over dense effects. Can also split music from sfx.";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineStatus.Ready(AlgorithmVersion, "built in"));

    public async Task<SeparationOutput> SeparateAsync(SeparationRequest request, EngineContext context)
    {
        var split = SeparationOptions.FourStems(request.Options) || SeparationOptions.Flag(request.Options, SeparationOptions.SplitBackground);
        using var source = await SourceWav.PrepareAsync(media, request.InputPath, context.WorkDirectory, null, context.CancellationToken)
            .ConfigureAwait(false);
        var result = await Task.Run(() => new SpectralSeparator().Separate(source.Path, request.OutputDirectory, split, context.Progress,
            context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"dsp: {result.Layout}; speech found in {result.SpeechSeconds:0.#} s of {result.DurationSeconds:0.#} s ({result.VoicedSeconds:0.#} s voiced)");
        return new SeparationOutput(result.Stems, note);
    }
}
