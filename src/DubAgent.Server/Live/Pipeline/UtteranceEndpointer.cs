namespace DubAgent.Server.Live.Pipeline;

/// <summary>
/// Turns window probabilities into utterances as they arrive: speech starts at a window reaching the on threshold (the
/// windows just before it come along, for the first consonant), and ends once the probability stayed under the off
/// threshold for the hangover; the end is the last speech window, so the hangover counts in the latency. An utterance
/// reaching the maximum length is ended where it is, and one shorter than the minimum is dropped (a click, a cough).
/// </summary>
public sealed class UtteranceEndpointer(LiveOptions options)
{
    public const int WindowSamples = 512;
    private const double WindowSeconds = WindowSamples / 16_000.0;

    private readonly int _hangoverWindows = Math.Max(1, (int)Math.Ceiling(options.HangoverMs / 1000.0 / WindowSeconds));
    private readonly int _maxWindows = (int)(options.MaxUtteranceSeconds / WindowSeconds);
    private readonly int _minWindows = Math.Max(1, (int)Math.Ceiling(options.MinSpeechMs / 1000.0 / WindowSeconds));
    private long _window;
    private long _start = -1;
    private long _lastSpeech;

    public bool InSpeech => _start >= 0;

    /// <summary>Stream time (s) where the current utterance started (the last one, once it ended), its pre-roll included.</summary>
    public double StartSeconds { get; private set; }

    /// <summary>What the window of probability <paramref name="p"/> does to the utterance.</summary>
    public EndpointEvent Next(float p)
    {
        var index = _window++;
        if (!InSpeech)
        {
            if (p < options.OnThreshold) return EndpointEvent.None;
            _start = index;
            _lastSpeech = index;
            StartSeconds = Math.Max(0, index - options.PreRollWindows) * WindowSeconds;
            return EndpointEvent.Started;
        }
        if (p >= options.OffThreshold) _lastSpeech = index;
        var ended = index - _lastSpeech >= _hangoverWindows || index - _start + 1 >= _maxWindows;
        return ended ? End() : EndpointEvent.Continues;
    }

    /// <summary>The stream ended (stop_dubbing): an utterance in progress ends at its last speech window.</summary>
    public EndpointEvent Flush() => InSpeech ? End() : EndpointEvent.None;

    /// <summary>Stream time (s) of the end of the last speech window of the utterance that just ended.</summary>
    public double EndSeconds { get; private set; }

    /// <summary>Index of the window that held the utterance's last speech (to find when its audio arrived).</summary>
    public long EndWindow { get; private set; }

    private EndpointEvent End()
    {
        var tooShort = _lastSpeech - _start + 1 < _minWindows;
        EndSeconds = (_lastSpeech + 1) * WindowSeconds;
        EndWindow = _lastSpeech;
        _start = -1;
        return tooShort ? EndpointEvent.Dropped : EndpointEvent.Ended;
    }
}

public enum EndpointEvent
{
    None,
    Started,
    Continues,
    Ended,
    Dropped,
}
