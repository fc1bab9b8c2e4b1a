using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DubAgent.Core.Media;

/// <summary>
/// SHA-256 of file contents, remembered per (path, size, modification time) for the life of the process: the identity
/// the media layer caches probes and decodes by, so the same bytes are read by ffprobe and ffmpeg once. A job's
/// <see cref="Workspace.ContentHasher"/> hashes through the same memo, so a run reads each input once for both.
/// </summary>
public sealed class FileContentHashes
{
    private readonly ConcurrentDictionary<string, FileHash> _known = new(StringComparer.Ordinal);

    public async Task<string> HashAsync(string path, CancellationToken cancellationToken) =>
        (await StampedHashAsync(path, cancellationToken).ConfigureAwait(false)).Hash;

    /// <summary>The hash with the size and modification time it holds for (what a job stores in its memo).</summary>
    public async Task<FileHash> StampedHashAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var stamp = info.LastWriteTimeUtc.Ticks;
        if (_known.TryGetValue(info.FullName, out var known) && known.Size == info.Length && known.Modified == stamp) return known;
        var hash = new FileHash(info.Length, stamp, await ComputeAsync(info.FullName, cancellationToken).ConfigureAwait(false));
        _known[info.FullName] = hash;
        return hash;
    }

    /// <summary>Takes a hash known from elsewhere (a job's stored memo); it is used only while the file keeps that size and time.</summary>
    public void Remember(string fullPath, FileHash hash) => _known.TryAdd(fullPath, hash);

    /// <summary>"sha256:" and the lower-case hex digest of the file, streamed.</summary>
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A content hash and the size and modification time (ticks, UTC) of the file it was taken from.</summary>
public sealed record FileHash(long Size, long Modified, string Hash);
