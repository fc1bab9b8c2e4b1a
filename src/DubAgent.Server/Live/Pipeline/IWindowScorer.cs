using DubAgent.Engines.SpeechDetection;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>The speech probability of each consecutive 512-sample (32 ms) window of a 16 kHz stream.</summary>
public interface IWindowScorer : IDisposable
{
    string Name { get; }

    float Score(ReadOnlySpan<float> window);
}

/// <summary>Silero VAD on the stream, its recurrent state carried from window to window.</summary>
public sealed class SileroWindowScorer(InferenceSession session) : IWindowScorer
{
    private readonly SileroVadStream _stream = new(session);

    public string Name => SileroSpeechDetector.Name;

    public float Score(ReadOnlySpan<float> window) => _stream.Next(window);

    public void Dispose() => _stream.Dispose();
}

/// <summary>
/// The fallback when no Silero model is at hand: window energy against a noise floor that follows the quietest recent
/// windows; 6 dB over the floor starts to count as speech, 18 dB is certain. Music counts as speech too.
/// </summary>
public sealed class EnergyWindowScorer : IWindowScorer
{
    private double _floor = -60;

    public string Name => EnergySpeechDetector.Name;

    public float Score(ReadOnlySpan<float> window)
    {
        double sum = 0;
        foreach (var s in window) sum += s * s;
        var db = 10 * Math.Log10(sum / Math.Max(1, window.Length) + 1e-10);
        // Falls at once to a quieter window, rises slowly (about 3 dB a second) through speech.
        _floor = db < _floor ? db : _floor + 0.1;
        return (float)Math.Clamp((db - _floor - 6) / 12, 0, 1);
    }

    public void Dispose()
    {
    }
}
