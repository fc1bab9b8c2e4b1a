namespace DubAgent.Cluster.Worker;

/// <summary>
/// One execution of a step at a time across workers: an exclusive lock (the operating system's flock, released when
/// the process ends, even by kill -9) on a file beside the step's folder on the shared storage. A worker handed a step
/// again while the first worker still runs it (hung, or cut off from the broker but alive) waits here, then finds the
/// first one's committed step.json and reuses it: the job folder never holds two half-sets of outputs. The lock file
/// sits beside the step folder, not in it, because a run clears the step folder.
/// </summary>
public sealed class StepLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _handle;

    private StepLock(FileStream handle, bool waited)
    {
        _handle = handle;
        Waited = waited;
    }

    /// <summary>Another execution held the step when this one came: its result, if committed, is this one's.</summary>
    public bool Waited { get; }

    public static string PathOf(string jobDirectory, string stepId) => Path.Combine(jobDirectory, $".{stepId}.step.lock");

    /// <param name="waiting">Called once when another execution holds the step.</param>
    public static async Task<StepLock> AcquireAsync(string jobDirectory, string stepId, Action waiting, CancellationToken cancellationToken)
    {
        var path = PathOf(jobDirectory, stepId);
        for (var waited = false; ; waited = true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix.
                return new StepLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), waited);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waited) waiting();
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
