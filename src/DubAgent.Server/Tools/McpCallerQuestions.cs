using DubAgent.Abstractions.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>Questions to the client's user through MCP elicitation (a form with one required text field).</summary>
public sealed class McpCallerQuestions(McpServer server) : ICallerQuestions
{
    /// <summary>The client's elicitation, or null when it does not offer any.</summary>
    public static ICallerQuestions? For(McpServer server) => server.ClientCapabilities?.Elicitation is null ? null : new McpCallerQuestions(server);

    public async Task<string?> AskTextAsync(string message, string field, string description, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    [field] = new ElicitRequestParams.StringSchema { Description = description, MinLength = 1 },
                },
                Required = [field],
            },
        }, cancellationToken).ConfigureAwait(false);
        if (!result.IsAccepted || result.Content is null || !result.Content.TryGetValue(field, out var value)) return null;
        return value.ValueKind == System.Text.Json.JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
    }
}
