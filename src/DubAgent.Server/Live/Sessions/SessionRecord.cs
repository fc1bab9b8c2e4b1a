using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Sessions;

/// <summary>What GET /api/sessions/{id} shows of a live session: its state, its last segments and its latency figures.</summary>
public sealed class SessionRecord(string sessionId, string connectionId)
{
    private const int KeptSegments = 500;
    private readonly Lock _lock = new();
    private readonly LinkedList<SegmentRecord> _segments = [];
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);
    private int _count;

    public string SessionId { get; } = sessionId;
    public string ConnectionId { get; } = connectionId;
    public string State { get; set; } = "connected";
    public string? SourceLanguage { get; set; }
    public string? TargetLanguage { get; set; }
    public DateTimeOffset Opened { get; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? Closed { get; set; }

    public void Add(SegmentRecord segment)
    {
        lock (_lock)
        {
            _count++;
            _segments.AddLast(segment);
            if (_segments.Count > KeptSegments) _segments.RemoveFirst();
        }
    }

    /// <summary>The first dubbed audio of a segment: its figures count in the statistics.</summary>
    public void AddLatency(LatencyFigures figures)
    {
        lock (_lock)
        {
            foreach (var (stage, value) in new[] { ("asr", figures.Asr), ("translate", figures.Translate), ("tts", figures.Tts), ("total", figures.Total) })
            {
                var list = _latencies.TryGetValue(stage, out var l) ? l : _latencies[stage] = [];
                list.Add(value);
                if (list.Count > KeptSegments) list.RemoveAt(0);
            }
        }
    }

    public object Snapshot()
    {
        lock (_lock)
        {
            return new
            {
                session_id = SessionId,
                connection_id = ConnectionId,
                state = State,
                source_language = SourceLanguage,
                target_language = TargetLanguage,
                opened = Opened,
                closed = Closed,
                segment_count = _count,
                segments = _segments.ToList(),
                latency_ms = _latencies.ToDictionary(p => p.Key, p => LatencyStatistics.Of(p.Value)),
            };
        }
    }
}

/// <param name="Actor">The voice library actor the speaker was matched to (preserve_voice), or null.</param>
public sealed record SegmentRecord(string SegmentId, string Speaker, double Start, double End, string Text, string? Translation, string? Actor = null);

/// <summary>Count, mean and percentiles of one stage's latency (nearest-rank percentiles).</summary>
public sealed record LatencyStatistics(int Count, double Mean, double P50, double P90, double P95, double Max)
{
    public static LatencyStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return new LatencyStatistics(0, 0, 0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        return new LatencyStatistics(sorted.Length, Math.Round(sorted.Average(), 1), Percentile(sorted, 50), Percentile(sorted, 90),
            Percentile(sorted, 95), Math.Round(sorted[^1], 1));
    }

    public static double Percentile(double[] sorted, double percent) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
}
