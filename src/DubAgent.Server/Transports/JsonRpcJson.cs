using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Transports;

/// <summary>The SDK's own JSON contracts for the few messages the host writes itself (errors before MCP sees a request).</summary>
internal static class JsonRpcJson
{
    public static readonly JsonTypeInfo<JsonRpcError> Error =
        (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError));
}
