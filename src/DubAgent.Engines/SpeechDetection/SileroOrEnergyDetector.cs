using DubAgent.Abstractions.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// The product's speech detector: Silero VAD when its model is at hand (`Vad:Model`, else the model store), else the
/// energy detector, with a note that says so, why, and how to get the model. A model that is missing, unreadable or
/// not Silero's falls back the same way rather than failing the call.
/// </summary>
public sealed class SileroOrEnergyDetector(IConfiguration configuration, InferenceSessionCache sessions, IModelStore? store = null) : ISpeechDetector
{
    private const string Fix = "get it with `dubagent models pull " + SileroModelLocator.ModelId + "`, or set Vad:Model to a silero_vad.onnx file";

    public async Task<DetectedSpeech> DetectAsync(string wavPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var settings = SileroVadSettings.From(configuration);
        var (session, problem) = Load(settings);
        if (session is not null)
            return await new SileroSpeechDetector(session, settings).DetectAsync(wavPath, progress, cancellationToken).ConfigureAwait(false);
        var energy = await new EnergySpeechDetector().DetectAsync(wavPath, progress, cancellationToken).ConfigureAwait(false);
        return energy with { Note = $"speech regions come from the energy detector, which takes music for speech: {problem}; {Fix}" };
    }

    private (InferenceSession? Session, string? Problem) Load(SileroVadSettings settings)
    {
        var (path, missing) = SileroModelLocator.Locate(settings, store);
        if (path is null) return (null, $"no Silero VAD model ({missing})");
        InferenceSession session;
        try
        {
            session = sessions.Get(path);
        }
        catch (Exception e) when (e is OnnxRuntimeException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the Silero VAD model '{path}' could not be loaded ({FirstLine(e.Message)})");
        }
        return SileroModelCheck.Problem(session) is { } wrong ? (null, $"'{path}': {wrong}") : (session, null);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
