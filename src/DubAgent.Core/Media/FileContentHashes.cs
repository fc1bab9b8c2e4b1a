using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DubAgent.Core.Media;

/// <summary>
/// SHA-256 of file contents, remembered per (path, size, modification time) for the life of the process: the identity
/// the media layer caches probes and decodes by, so the same bytes are read by ffprobe and ffmpeg once.
/// </summary>
public sealed class FileContentHashes
{
    private readonly ConcurrentDictionary<string, (long Size, long Modified, string Hash)> _known = new(StringComparer.Ordinal);

    public async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var stamp = info.LastWriteTimeUtc.Ticks;
        if (_known.TryGetValue(info.FullName, out var known) && known.Size == info.Length && known.Modified == stamp) return known.Hash;
        var hash = await ComputeAsync(info.FullName, cancellationToken).ConfigureAwait(false);
        _known[info.FullName] = (info.Length, stamp, hash);
        return hash;
    }

    /// <summary>"sha256:" and the lower-case hex digest of the file, streamed.</summary>
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
