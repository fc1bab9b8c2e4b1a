using DubAgent.Abstractions.Errors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// A Piper VITS voice on ONNX Runtime, through Piper's exported interface: inputs `input` (int64 [1, N] phoneme ids),
/// `input_lengths` (int64 [1]), `scales` (float [3]: noise, length, noise_w) and, for multi-speaker voices, `sid`
/// (int64 [1]); output `output` (float [1, 1, 1, T] samples at the config's sample rate).
/// </summary>
public sealed class PiperOnnxVoice(InferenceSession session)
{
    public const string Input = "input";
    public const string InputLengths = "input_lengths";
    public const string Scales = "scales";
    public const string SpeakerId = "sid";
    public const string Output = "output";

    /// <summary>What makes a session not a Piper voice, or null.</summary>
    public static string? Problem(InferenceSession session)
    {
        foreach (var name in new[] { Input, InputLengths, Scales })
            if (!session.InputMetadata.ContainsKey(name))
                return $"it has no input '{name}' (inputs: {string.Join(", ", session.InputMetadata.Keys)}); a Piper voice takes input, input_lengths, scales and sid";
        return session.OutputMetadata.ContainsKey(Output) ? null : $"it has no output '{Output}' (outputs: {string.Join(", ", session.OutputMetadata.Keys)})";
    }

    public bool TakesSpeaker => session.InputMetadata.ContainsKey(SpeakerId);

    public float[] Speak(long[] ids, float noiseScale, float lengthScale, float noiseW, long? speaker)
    {
        if (ids.Length == 0) return [];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(Input, new DenseTensor<long>(ids, [1, ids.Length])),
            NamedOnnxValue.CreateFromTensor(InputLengths, new DenseTensor<long>(new[] { (long)ids.Length }, [1])),
            NamedOnnxValue.CreateFromTensor(Scales, new DenseTensor<float>(new[] { noiseScale, lengthScale, noiseW }, [3])),
        };
        if (TakesSpeaker) inputs.Add(NamedOnnxValue.CreateFromTensor(SpeakerId, new DenseTensor<long>(new[] { speaker ?? 0 }, [1])));
        try
        {
            using var results = session.Run(inputs, [Output]);
            return results.First().AsTensor<float>().ToArray();
        }
        catch (OnnxRuntimeException e)
        {
            throw new EngineFailedException("piper", $"the voice model failed on {ids.Length} phoneme ids ({e.Message.Split('\n', 2)[0].Trim()})",
                "Check that the .onnx and its .onnx.json belong together (download both again).", null, e);
        }
    }
}
