using DubAgent.Abstractions;

namespace DubAgent.Core.Models;

/// <summary>
/// One download of a model at a time, across processes: an exclusive operating-system lock on `FILE.lock` in the
/// models folder (released when the holder ends, even by kill -9). A second puller waits for it, then finds the model
/// the first one stored.
/// </summary>
public sealed class ModelDownloadLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _handle;

    private ModelDownloadLock(FileStream handle) => _handle = handle;

    public static async Task<ModelDownloadLock> AcquireAsync(string lockPath, string modelId, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // FileShare.None takes an exclusive flock on Unix (a share-mode lock on Windows), also between two opens of one process.
                return new ModelDownloadLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                if (!told) progress?.Report(new ProgressUpdate(null, $"waiting for another download of {modelId} to finish"));
                told = true;
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
