using System.Security.Cryptography;
using DubAgent.Abstractions;

namespace DubAgent.Core.Models;

/// <summary>Lower-case hex SHA-256 of a file, streamed, with progress (model files run to gigabytes).</summary>
public static class FileSha256
{
    public static async Task<string> ComputeAsync(string path, IProgress<ProgressUpdate>? progress, string message, CancellationToken cancellationToken) =>
        (await ComputeWithMd5Async(path, md5: false, progress, message, cancellationToken).ConfigureAwait(false)).Sha256;

    /// <summary>
    /// The SHA-256 and, when <paramref name="md5"/>, the MD5 of a file in one read: a model its publisher pins by MD5 is
    /// checked against that and gets its SHA-256 recorded without reading gigabytes twice.
    /// </summary>
    public static async Task<(string Sha256, string? Md5)> ComputeWithMd5Async(string path, bool md5, IProgress<ProgressUpdate>? progress, string message,
        CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var second = md5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
        var buffer = new byte[1 << 20];
        long done = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            second?.AppendData(buffer, 0, read);
            done += read;
            progress?.Report(ProgressUpdate.Of(done, stream.Length, message));
        }
        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), second is null ? null : Convert.ToHexStringLower(second.GetHashAndReset()));
    }
}
