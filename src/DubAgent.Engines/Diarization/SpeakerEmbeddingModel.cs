using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// A speaker-embedding network on ONNX Runtime in WeSpeaker's export form: one input of fbank frames
/// [batch, frames, 80] (WeSpeaker names it `feats`) and one output [batch, dimensions] (`embs`).
/// </summary>
public sealed class SpeakerEmbeddingModel
{
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;

    private SpeakerEmbeddingModel(InferenceSession session)
    {
        _session = session;
        _input = session.InputMetadata.Keys.First();
        _output = session.OutputMetadata.Keys.First();
        FeatureBins = session.InputMetadata[_input].Dimensions[2];
    }

    /// <summary>Filterbank bins per frame the model takes (80 for WeSpeaker and 3D-Speaker models).</summary>
    public int FeatureBins { get; }

    /// <summary>The model, or what makes the session not a speaker-embedding model of this form.</summary>
    public static (SpeakerEmbeddingModel? Model, string? Problem) From(InferenceSession session)
    {
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;
        var shapes = $"inputs {Describe(inputs)}; outputs {Describe(outputs)}";
        if (inputs.Count != 1 || outputs.Count < 1)
            return (null, $"it is not a speaker-embedding model ({shapes}; expected one input [batch, frames, 80] and an output [batch, dimensions])");
        var input = inputs.Values.First();
        var output = outputs.Values.First();
        if (input.ElementType != typeof(float) || input.Dimensions.Length != 3 || input.Dimensions[2] <= 0 || output.Dimensions.Length != 2)
            return (null, $"it is not a speaker-embedding model ({shapes}; expected one float input [batch, frames, bins] and an output [batch, dimensions])");
        return (new SpeakerEmbeddingModel(session), null);
    }

    /// <summary>The embedding of one stretch of speech from its filterbank (frames x bins, mean already subtracted).</summary>
    public float[] Embed(float[] features, int frames)
    {
        var tensor = new DenseTensor<float>(features, [1, frames, FeatureBins]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)], [_output]);
        return results.First().AsTensor<float>().ToArray();
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(p => $"{p.Key} [{string.Join(", ", p.Value.Dimensions)}]"));
}
