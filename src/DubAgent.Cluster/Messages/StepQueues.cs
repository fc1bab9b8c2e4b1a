using DubAgent.Abstractions.Tools;

namespace DubAgent.Cluster.Messages;

/// <summary>
/// Which queue a step goes to: its tool's capability (separate, transcribe, diarize, translate, synthesize), or the tool's
/// own name for tools without engines (analyze_media, mix, export, write_subtitles). Workers consume the queues of the
/// capabilities they have; MassTransit moves a step that keeps failing to the queue's `_error` dead-letter queue.
/// </summary>
public static class StepQueues
{
    public const string Prefix = "dubagent-step-";

    public static string KeyOf(ITool tool) => tool.Capability ?? tool.Name;

    public static string QueueName(string key) => Prefix + key;

    public static string DeadLetterQueueName(string key) => QueueName(key) + "_error";

    public static Uri Address(string key) => new($"queue:{QueueName(key)}");

    /// <summary>Every queue key the registered tools route to, in a stable order.</summary>
    public static IReadOnlyList<string> AllKeys(IEnumerable<ITool> tools) =>
        tools.Select(KeyOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
