using System.Collections.Concurrent;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Media;

namespace DubAgent.Core.Workspace;

/// <summary>
/// A job's content hashes, kept in its `hashes.json` so a cached re-run does not read a film again. Hashing goes
/// through the process's <see cref="FileContentHashes"/> (the media layer's memo), so a file is read once per run
/// whether the job or a probe asks first; stored hashes seed that memo too.
/// </summary>
public sealed class ContentHasher
{
    private readonly string? _storePath;
    private readonly FileContentHashes _hashes;
    private readonly ConcurrentDictionary<string, FileHash> _entries = new(StringComparer.Ordinal);

    public ContentHasher(string? storePath = null, FileContentHashes? hashes = null)
    {
        _storePath = storePath;
        _hashes = hashes ?? new FileContentHashes();
        if (storePath is null || !File.Exists(storePath)) return;
        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, FileHash>>(File.ReadAllText(storePath), DubAgentJson.Options);
            foreach (var (path, entry) in stored ?? [])
            {
                _entries[path] = entry;
                _hashes.Remember(path, entry);
            }
        }
        catch (JsonException)
        {
            // A damaged memo only costs re-hashing.
        }
    }

    public async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var hash = await _hashes.StampedHashAsync(full, cancellationToken).ConfigureAwait(false);
        _entries[full] = hash;
        return hash.Hash;
    }

    public void Save()
    {
        if (_storePath is null) return;
        AtomicFile.WriteAllText(_storePath, JsonSerializer.Serialize(_entries.ToDictionary(e => e.Key, e => e.Value), DubAgentJson.Options));
    }
}
