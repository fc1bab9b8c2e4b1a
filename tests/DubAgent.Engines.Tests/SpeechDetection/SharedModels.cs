using DubAgent.Engines.Tests.Diarization;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>The real model files in ../shared/models, the sibling of the recordings in ../shared/data beside the clone.</summary>
internal static class SharedModels
{
    public static string SileroVad
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(SpeechFixtures.SharedData, "..", "models", "silero_vad.onnx"));
            return File.Exists(path) ? path : throw new FileNotFoundException($"No Silero VAD model at {path}; CI keeps shared/models beside the clone.", path);
        }
    }
}
