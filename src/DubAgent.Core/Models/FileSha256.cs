using System.Security.Cryptography;
using DubAgent.Abstractions;

namespace DubAgent.Core.Models;

/// <summary>Lower-case hex SHA-256 of a file, streamed, with progress (model files run to gigabytes).</summary>
public static class FileSha256
{
    public static async Task<string> ComputeAsync(string path, IProgress<ProgressUpdate>? progress, string message, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long done = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            done += read;
            progress?.Report(ProgressUpdate.Of(done, stream.Length, message));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
