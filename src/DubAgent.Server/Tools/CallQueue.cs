using DubAgent.Abstractions;

namespace DubAgent.Server.Tools;

/// <summary>
/// The concurrency limit: at most <see cref="Limit"/> tool calls work at once; further calls wait in arrival order
/// (their progress says so) until a slot frees or they are cancelled.
/// </summary>
public sealed class CallQueue(int limit)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limit), Math.Max(1, limit));
    private int _waiting;

    public int Limit { get; } = Math.Max(1, limit);

    public int Running => Limit - _slots.CurrentCount;

    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<IDisposable> EnterAsync(IProgress<ProgressUpdate> progress, CancellationToken cancellationToken)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            var ahead = Interlocked.Increment(ref _waiting);
            try
            {
                progress.Report(new ProgressUpdate(0, $"queued: {Running} calls running (limit {Limit}), {ahead - 1} waiting ahead"));
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
