using DubAgent.Abstractions.Errors;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Server.Live;

/// <summary>Settings of live dubbing (section "Live", e.g. DUBAGENT_LIVE__MAXSESSIONS).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Live sessions dubbing at once; one more gets an error message and the socket closes.</summary>
    public int MaxSessions { get; set; } = 4;

    /// <summary>Silence after the last speech window that ends an utterance.</summary>
    public int HangoverMs { get; set; } = 256;

    /// <summary>Speech shorter than this is not an utterance.</summary>
    public int MinSpeechMs { get; set; } = 200;

    /// <summary>An utterance this long is ended where it is (recognition and dubbing stay near the speaker).</summary>
    public double MaxUtteranceSeconds { get; set; } = 12;

    /// <summary>Windows (32 ms) before the speech start that go to the recogniser too.</summary>
    public int PreRollWindows { get; set; } = 6;

    public double OnThreshold { get; set; } = 0.5;

    public double OffThreshold { get; set; } = 0.35;

    /// <summary>A partial transcript goes out at most this often while the speaker talks.</summary>
    public int PartialIntervalMs { get; set; } = 400;

    /// <summary>Audio waiting for recognition, in seconds; when full the server stops reading the socket (back-pressure).</summary>
    public double InputQueueSeconds { get; set; } = 10;

    /// <summary>Messages waiting for a slow client; partial transcripts are dropped first, then the pipeline waits.</summary>
    public int OutboxMessages { get; set; } = 64;

    /// <summary>A client that takes longer than this to accept one message is disconnected.</summary>
    public double SendTimeoutSeconds { get; set; } = 15;

    /// <summary>The largest WebSocket message accepted (an audio chunk of 1 MiB is 32 s).</summary>
    public int MaxMessageBytes { get; set; } = 1 << 20;

    /// <summary>The translator (an engine name): apertium runs warm in process pipes; others through their own path.</summary>
    public string Translator { get; set; } = "apertium";

    /// <summary>How much audio each dubbed_audio message carries at most.</summary>
    public int AudioChunkMs { get; set; } = 200;

    /// <summary>Cosine similarity of voice fingerprints above which an utterance belongs to a known speaker.</summary>
    public double SpeakerSimilarity { get; set; } = 0.9;

    /// <summary>Largest file POST /api/upload-audio accepts.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// The recogniser's search: `fast` (one pruned forward pass, the latency budget's choice) or `accurate`
    /// (pocketsphinx's default search with its second passes; fewer word errors, more time at each utterance's end).
    /// </summary>
    public string Search { get; set; } = "fast";

    /// <summary>Finished sessions kept for GET /api/sessions/{id}.</summary>
    public int KeepFinishedSessions { get; set; } = 100;

    public static LiveOptions From(IConfiguration? configuration)
    {
        var options = new LiveOptions();
        configuration?.GetSection(Section).Bind(options);
        if (options.MaxSessions < 1) throw new InputException($"Live:MaxSessions must be at least 1 (got {options.MaxSessions}).");
        if (options.HangoverMs is < 32 or > 5000) throw new InputException($"Live:HangoverMs must lie between 32 and 5000 (got {options.HangoverMs}).");
        if (options.OffThreshold <= 0 || options.OffThreshold > options.OnThreshold || options.OnThreshold >= 1)
            throw new InputException("Live:OffThreshold must be above 0 and at most Live:OnThreshold, which must be under 1.", "Leave them out for 0.35 and 0.5.");
        if (options.Search is not ("fast" or "accurate"))
            throw new InputException($"Live:Search must be fast or accurate (got '{options.Search}').", "Leave it out for fast.");
        if (options.OutboxMessages < 4 || options.InputQueueSeconds <= 0 || options.MaxMessageBytes < 1024)
            throw new InputException("Live:OutboxMessages (>= 4), Live:InputQueueSeconds (> 0) and Live:MaxMessageBytes (>= 1024) bound memory per session.");
        return options;
    }
}
