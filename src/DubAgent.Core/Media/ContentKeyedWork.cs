using System.Collections.Concurrent;

namespace DubAgent.Core.Media;

/// <summary>
/// Work done once per key (a content hash and the work's parameters): concurrent callers share the running task,
/// later callers its result. A failed or cancelled run is forgotten, so the next caller tries again.
/// </summary>
public sealed class ContentKeyedWork<T>(int capacity = 512)
{
    private readonly ConcurrentDictionary<string, Task<T>> _runs = new(StringComparer.Ordinal);

    public async Task<T> GetOrRunAsync(string key, Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        while (true)
        {
            // A bounded memo: a long-running server forgets old entries rather than growing without end.
            if (_runs.Count >= capacity) _runs.Clear();
            var task = _runs.GetOrAdd(key, _ => run(cancellationToken));
            try
            {
                return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && task.IsCanceled)
            {
                // Another caller's cancellation stopped the shared run; this caller still wants it.
                _runs.TryRemove(new KeyValuePair<string, Task<T>>(key, task));
            }
            catch
            {
                _runs.TryRemove(new KeyValuePair<string, Task<T>>(key, task));
                throw;
            }
        }
    }

    /// <summary>Forgets a result that no longer holds (e.g. the file it names was changed or removed).</summary>
    public void Forget(string key) => _runs.TryRemove(key, out _);
}
