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

    /// <summary>The first revision whose clients require `resultType` (SDK: McpProtocolVersions, internal).</summary>
    private const string ResultTypeRevision = "2026-07-28";

    private readonly byte[] _result;
    private readonly byte[] _result2026;

    public ToolListAnswer(IEnumerable<Tool> tools)
    {
        var result = new ListToolsResult { Tools = [.. tools], TimeToLive = TimeToLive, CacheScope = CacheScope.Public };
        _result = JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions);
        // 2026-07-28 clients must be told the result is complete; earlier revisions have no such field.
        result.ResultType = "complete";
        _result2026 = JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions);
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
        var bytes = Revision(request, context.Server) is { } revision && string.CompareOrdinal(revision, ResultTypeRevision) >= 0 ? _result2026 : _result;
        var answer = new JsonRpcResponse { Id = request.Id, Result = JsonNode.Parse(bytes) };
        await context.Server.SendMessageAsync(answer, cancellationToken).ConfigureAwait(false);
    };

    /// <summary>The revision the request speaks: its own `_meta` (2026-07-28 and later), else the session's.</summary>
    private static string? Revision(JsonRpcRequest request, McpServer server) =>
        request.Params is JsonObject parameters && parameters["_meta"] is JsonObject meta
            && meta[MetaKeys.ProtocolVersion] is JsonValue value && value.TryGetValue<string>(out var version)
            ? version
            : server.NegotiatedProtocolVersion;

    /// <summary>The list is one page: a request for a later page goes to the SDK, which answers it as the protocol says.</summary>
    private static bool HasCursor(JsonRpcRequest request) =>
        request.Params is JsonObject parameters && parameters.TryGetPropertyValue("cursor", out var cursor) && cursor is not null;
}
