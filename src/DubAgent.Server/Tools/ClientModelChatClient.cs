using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>
/// The calling MCP client's own model as an <see cref="IChatClient"/>: the SDK's sampling client
/// (<see cref="McpServer.AsSamplingChatClient"/>, which carries tools as sampling tools), with the function
/// definitions left out for a client that does not declare tool use in sampling. The translation planner then still
/// runs, its checks made in code instead of by the model, rather than the client refusing the request.
/// </summary>
public sealed class ClientModelChatClient(IChatClient sampling, bool clientTakesTools) : DelegatingChatClient(sampling)
{
#pragma warning disable MCP9005 // sampling is deprecated from spec 2026-07-28 on; the clients of 2025 still offer it.
    public static IChatClient For(McpServer server) =>
        new ClientModelChatClient(server.AsSamplingChatClient(), server.ClientCapabilities?.Sampling?.Tools is not null);
#pragma warning restore MCP9005

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Fit(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Fit(options), cancellationToken);

    private ChatOptions? Fit(ChatOptions? options)
    {
        if (clientTakesTools || options?.Tools is not { Count: > 0 }) return options;
        var without = options.Clone();
        without.Tools = null;
        without.ToolMode = null;
        return without;
    }
}
