using System.Collections.Concurrent;

namespace DubAgent.Server.Live.Sessions;

/// <summary>
/// The live sessions of this server: at most Live:MaxSessions dub at once (a place is taken when the socket opens and
/// freed when it closes), and the records of open and recently finished sessions for the REST API.
/// </summary>
public sealed class LiveSessions(int max, int keepFinished)
{
    private readonly ConcurrentDictionary<string, SessionRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finished = new();
    private int _open;

    public int Max => max;

    public int Open => Volatile.Read(ref _open);

    /// <returns>The new session's record, or null with why not (the limit, or a session of that id still open).</returns>
    public (SessionRecord? Record, string? Refusal) TryOpen(string sessionId, string connectionId)
    {
        if (Interlocked.Increment(ref _open) > max)
        {
            Interlocked.Decrement(ref _open);
            return (null, $"This server already runs {max} live sessions, its limit.");
        }
        var record = new SessionRecord(sessionId, connectionId);
        if (_records.TryGetValue(sessionId, out var existing) && existing.Closed is null)
        {
            Interlocked.Decrement(ref _open);
            return (null, $"The session '{sessionId}' is already open on another connection.");
        }
        _records[sessionId] = record;
        return (record, null);
    }

    public void Close(SessionRecord record)
    {
        record.Closed = DateTimeOffset.UtcNow;
        Interlocked.Decrement(ref _open);
        _finished.Enqueue(record.SessionId);
        while (_finished.Count > keepFinished && _finished.TryDequeue(out var old))
            if (_records.TryGetValue(old, out var r) && r.Closed is not null) _records.TryRemove(old, out _);
    }

    public SessionRecord? Find(string sessionId) => _records.GetValueOrDefault(sessionId);
}
