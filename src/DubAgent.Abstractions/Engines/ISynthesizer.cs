namespace DubAgent.Abstractions.Engines;

/// <summary>Text to speech, one clip per call, in a named voice.</summary>
public interface ISynthesizer : IEngine
{
    Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken);

    /// <summary>Writes one WAV clip to <see cref="SpeechRequest.OutputPath"/> (write to a temporary name, then rename).</summary>
    Task SynthesizeAsync(SpeechRequest request, EngineContext context);

    /// <summary>How many clips may be synthesized at once (remote engines set their own limit).</summary>
    int MaxConcurrency => Environment.ProcessorCount;
}

/// <param name="Language">ISO 639-1 code of the text.</param>
/// <param name="Voice">A name from <see cref="ISynthesizer.ListVoicesAsync"/>.</param>
public sealed record SpeechRequest(string Text, string Language, string Voice, string OutputPath, IReadOnlyDictionary<string, string>? Options = null)
{
    /// <summary>The `rate` option (a library assignment's factor on the voice's own pace) when it is a number above 0, else null.</summary>
    public double? RateFactor =>
        Options?.TryGetValue("rate", out var text) == true && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : null;
}

/// <param name="Pitch">Relative pitch from 0 (lowest) to 1 (highest) when known, for casting by the original speaker's pitch.</param>
public sealed record VoiceInfo(string Name, IReadOnlyList<string> Languages, string? Gender = null, double? Pitch = null, string? Description = null);
