using System.Collections.Concurrent;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Media;

namespace DubAgent.Core.Workspace;

/// <summary>
/// SHA-256 of file contents, streamed. Hashes are remembered per (path, size, modification time) in the job's
/// `hashes.json`, so a cached re-run does not read a film again.
/// </summary>
public sealed class ContentHasher
{
    private readonly string? _storePath;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ContentHasher(string? storePath = null)
    {
        _storePath = storePath;
        if (storePath is null || !File.Exists(storePath)) return;
        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(storePath), DubAgentJson.Options);
            foreach (var (path, entry) in stored ?? []) _entries[path] = entry;
        }
        catch (JsonException)
        {
            // A damaged memo only costs re-hashing.
        }
    }

    public async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var stamp = info.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(info.FullName, out var known) && known.Size == info.Length && known.Modified == stamp)
            return known.Hash;
        var hash = await FileContentHashes.ComputeAsync(info.FullName, cancellationToken).ConfigureAwait(false);
        _entries[info.FullName] = new Entry(info.Length, stamp, hash);
        return hash;
    }

    public void Save()
    {
        if (_storePath is null) return;
        AtomicFile.WriteAllText(_storePath, JsonSerializer.Serialize(_entries.ToDictionary(e => e.Key, e => e.Value), DubAgentJson.Options));
    }

    public sealed record Entry(long Size, long Modified, string Hash);
}
