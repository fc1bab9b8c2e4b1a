using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Hosting;

/// <summary>
/// An incoming-message filter: params the SDK cannot read into its request type (a number where a name goes, a
/// missing uri, a string where an object goes) answer -32602 Invalid params naming the field and what it must be,
/// instead of the SDK's -32603 "An error occurred.".
/// </summary>
public static partial class InvalidParams
{
    /// <summary>The SDK's params type of each method a client sends, to say what a field must be.</summary>
    private static readonly Dictionary<string, Type> ParamsTypes = new(StringComparer.Ordinal)
    {
        [RequestMethods.ToolsCall] = typeof(CallToolRequestParams),
        [RequestMethods.ToolsList] = typeof(ListToolsRequestParams),
        [RequestMethods.ResourcesRead] = typeof(ReadResourceRequestParams),
        [RequestMethods.ResourcesList] = typeof(ListResourcesRequestParams),
        [RequestMethods.ResourcesTemplatesList] = typeof(ListResourceTemplatesRequestParams),
        [RequestMethods.PromptsGet] = typeof(GetPromptRequestParams),
        [RequestMethods.PromptsList] = typeof(ListPromptsRequestParams),
        [RequestMethods.CompletionComplete] = typeof(CompleteRequestParams),
#pragma warning disable MCP9005 // logging/setLevel is deprecated from 2026-07-28 on; 2025 clients still send it.
        [RequestMethods.LoggingSetLevel] = typeof(SetLevelRequestParams),
#pragma warning restore MCP9005
    };

    public static McpMessageFilter Filter => next => async (context, cancellationToken) =>
    {
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e) when (context.JsonRpcMessage is JsonRpcRequest request)
        {
            throw new McpProtocolException($"Invalid params for {request.Method}: {Reason(request.Method, e)}", e, McpErrorCode.InvalidParams);
        }
    };

    /// <summary>"'name' must be a string.", "'uri' is missing; it is required.", "params must be a JSON object."</summary>
    public static string Reason(string method, JsonException e)
    {
        if (MissingRequired().Match(e.Message) is { Success: true } missing)
            return $"{Quote(missing.Groups["names"].Value)} is missing; it is required.";
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries) : [];
        if (path.Length == 0) return "params must be a JSON object.";
        var field = string.Join('.', path);
        return ExpectedType(method, path) is { } expected ? $"'{field}' must be {Describe(expected)}." : $"'{field}' is not valid.";
    }

    /// <summary>The type the SDK reads at that path of the method's params, or null when it is not known.</summary>
    private static Type? ExpectedType(string method, string[] path)
    {
        if (!ParamsTypes.TryGetValue(method, out var type)) return null;
        foreach (var name in path)
        {
            var info = McpJsonUtilities.DefaultOptions.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object) return null;
            var property = info.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null) return null;
            type = property.PropertyType;
        }
        return type;
    }

    private static string Quote(string names) => string.Join(", ", names.Split(',', StringSplitOptions.TrimEntries).Select(n => $"'{n.Trim('\'')}'"));

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return "one of " + string.Join(", ", Enum.GetValues(type).Cast<object>()
                .Select(v => JsonSerializer.Serialize(v, type, McpJsonUtilities.DefaultOptions).Trim('"')));
        if (type == typeof(string)) return "a string";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type.IsArray || type.IsAssignableTo(typeof(System.Collections.IEnumerable)) && !type.IsAssignableTo(typeof(System.Collections.IDictionary))
            && !type.Name.Contains("Dictionary", StringComparison.Ordinal))
            return "a list";
        return "a JSON object";
    }

    [GeneratedRegex(@"missing required properties,? including:? (?<names>[^.]+)\.?")]
    private static partial Regex MissingRequired();
}
