using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Runs Silero VAD over consecutive 512-sample windows (32 ms at 16 kHz) as the model expects: each window is preceded
/// by the last 64 samples of the one before (zeros at first), and the recurrent state the model returned is passed
/// back in. One stream per file; the session is shared. Buffers are pinned once, so a window allocates nothing.
/// </summary>
public sealed class SileroVadStream : IDisposable
{
    public const int SampleRate = 16_000;
    public const int WindowSamples = 512;
    public const int ContextSamples = 64;
    private const int StateLength = 2 * 1 * 128;

    private static readonly string[] InputNames = ["input", "state", "sr"];
    private static readonly string[] OutputNames = ["output", "stateN"];

    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly float[] _input = new float[ContextSamples + WindowSamples];
    private readonly float[] _probability = new float[1];
    private readonly OrtValue _inputValue;
    private readonly OrtValue _rateValue;
    private readonly OrtValue _probabilityValue;
    // Two state buffers taking turns as input and output (the model must not read and write the same memory).
    private readonly OrtValue[] _states;
    private int _current;

    public SileroVadStream(InferenceSession session)
    {
        _session = session;
        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length]);
        _rateValue = OrtValue.CreateTensorValueFromMemory(new long[] { SampleRate }, []);
        _probabilityValue = OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]);
        _states =
        [
            OrtValue.CreateTensorValueFromMemory(new float[StateLength], [2, 1, 128]),
            OrtValue.CreateTensorValueFromMemory(new float[StateLength], [2, 1, 128]),
        ];
    }

    /// <summary>The speech probability of the next window (up to 512 samples; a shorter last window is padded with silence).</summary>
    public float Next(ReadOnlySpan<float> window)
    {
        if (window.Length > WindowSamples) throw new ArgumentException($"A window holds at most {WindowSamples} samples.", nameof(window));
        var samples = _input.AsSpan(ContextSamples);
        window.CopyTo(samples);
        samples[window.Length..].Clear();
        var next = 1 - _current;
        _session.Run(_run, InputNames, [_inputValue, _states[_current], _rateValue], OutputNames, [_probabilityValue, _states[next]]);
        _current = next;
        _input.AsSpan(_input.Length - ContextSamples).CopyTo(_input);
        return _probability[0];
    }

    public void Dispose()
    {
        _inputValue.Dispose();
        _rateValue.Dispose();
        _probabilityValue.Dispose();
        foreach (var state in _states) state.Dispose();
        _run.Dispose();
    }
}
