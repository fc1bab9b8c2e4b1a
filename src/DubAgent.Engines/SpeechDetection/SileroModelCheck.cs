using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>Whether a loaded ONNX model has Silero VAD's inputs and outputs (a wrong file loads fine and fails later).</summary>
public static class SileroModelCheck
{
    private static readonly string[] Inputs = ["input", "state", "sr"];
    private static readonly string[] Outputs = ["output", "stateN"];

    /// <returns>Null when it fits, else what is wrong.</returns>
    public static string? Problem(InferenceSession session)
    {
        var missingIn = Inputs.Where(n => !session.InputMetadata.ContainsKey(n)).ToList();
        var missingOut = Outputs.Where(n => !session.OutputMetadata.ContainsKey(n)).ToList();
        if (missingIn.Count == 0 && missingOut.Count == 0) return null;
        return $"it is not a Silero VAD model (inputs {string.Join(", ", session.InputMetadata.Keys)}; " +
               $"outputs {string.Join(", ", session.OutputMetadata.Keys)}; Silero has inputs input, state, sr and outputs output, stateN)";
    }
}
