using Microsoft.Extensions.AI;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

/// <summary>What the planner asked: the kind of request (from its wording) and the messages.</summary>
public sealed record ScriptedRequest(string Kind, IReadOnlyList<ChatMessage> Messages)
{
    public string FirstUser => Messages.First(m => m.Role == ChatRole.User).Text;

    public string LastUser => Messages.Last(m => m.Role == ChatRole.User).Text;
}

/// <summary>
/// A chat client driven by a test's script: each request is classified (profile, window, shorten) and answered by the
/// script, which may also throw (a rate limit). Every request is recorded for the assertions.
/// </summary>
public sealed class ScriptedChatClient(Func<ScriptedRequest, int, string> answer) : IChatClient
{
    private readonly Dictionary<string, int> _counts = new();

    public List<ScriptedRequest> Requests { get; } = [];

    public int Count(string kind) => Requests.Count(r => r.Kind == kind);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        // The conversation's first request says what it is about; corrections follow it.
        var first = list.First(m => m.Role == ChatRole.User).Text;
        var kind = first.Contains("Describe how this speaker talks", StringComparison.Ordinal) ? "profile"
            : first.Contains("too long for their time slots", StringComparison.Ordinal) ? "shorten"
            : "window";
        var request = new ScriptedRequest(kind, list);
        Requests.Add(request);
        var n = _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(request, n))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the planner does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
