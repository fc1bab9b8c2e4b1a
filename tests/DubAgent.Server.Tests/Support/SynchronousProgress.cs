using ModelContextProtocol;

namespace DubAgent.Server.Tests.Support;

/// <summary>Collects progress on the notifying thread (Progress&lt;T&gt; would post it later, out of order).</summary>
public sealed class SynchronousProgress(List<ProgressNotificationValue> into, Action? onFirst = null) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value)
    {
        lock (into) into.Add(value);
        onFirst?.Invoke();
    }
}
