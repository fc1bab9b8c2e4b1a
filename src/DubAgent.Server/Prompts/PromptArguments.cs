using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Prompts;

/// <summary>Reads prompt arguments (MCP sends them as strings) with a clear error for a missing one.</summary>
internal static class PromptArguments
{
    public static string? Optional(GetPromptRequestParams? request, string name) =>
        request?.Arguments is { } arguments && arguments.TryGetValue(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.GetRawText()
            : null;

    public static string Required(GetPromptRequestParams? request, string name) =>
        Optional(request, name) is { Length: > 0 } value
            ? value
            : throw new McpProtocolException($"The prompt '{request?.Name}' needs the argument '{name}'.", McpErrorCode.InvalidParams);
}
