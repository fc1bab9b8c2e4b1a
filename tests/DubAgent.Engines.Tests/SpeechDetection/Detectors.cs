using DubAgent.Engines.SpeechDetection;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>Silero detectors over models loaded once for the whole test run, as the product's session cache does.</summary>
internal static class Detectors
{
    private static readonly InferenceSessionCache Sessions = new();

    public static SileroSpeechDetector Silero(string? model = null, SileroVadSettings? settings = null) =>
        new(Sessions.Get(model ?? SharedModels.SileroVad), settings ?? SileroVadSettings.Default);
}
