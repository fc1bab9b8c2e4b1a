using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>
/// The answer to tools/list, serialized once per server. The list is the same for every client and never changes while
/// the server runs, yet the SDK would turn it into a JSON tree and write it out again on each request (most of a
/// tools/list's time with ~20 input and output schemas). An incoming-message filter answers a first-page tools/list
/// from these bytes; any other request goes on to the SDK. The answer carries the 2026-07-28 caching hints.
/// </summary>
public sealed class ToolListAnswer
{
    /// <summary>How long a client may keep the list: it changes only when the server restarts with other plugins.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    private readonly byte[] _result;

    public ToolListAnswer(IEnumerable<Tool> tools)
    {
        var result = new ListToolsResult { Tools = [.. tools], TimeToLive = TimeToLive, CacheScope = CacheScope.Public };
        _result = JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions);
    }

    public McpMessageFilter Filter => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is not JsonRpcRequest { Method: RequestMethods.ToolsList } request || HasCursor(request))
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }
        // A fresh node per answer over the shared bytes: parsing is lazy, and writing an untouched node copies the bytes.
        // The request's server is bound to the transport the request came on (over HTTP, its POST), so the answer goes there.
        var answer = new JsonRpcResponse { Id = request.Id, Result = JsonNode.Parse(_result) };
        await context.Server.SendMessageAsync(answer, cancellationToken).ConfigureAwait(false);
    };

    /// <summary>The list is one page: a request for a later page goes to the SDK, which answers it as the protocol says.</summary>
    private static bool HasCursor(JsonRpcRequest request) =>
        request.Params is JsonObject parameters && parameters.TryGetPropertyValue("cursor", out var cursor) && cursor is not null;
}
