using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Transports;

/// <summary>
/// Reads a stream client's lines before the SDK's stream transport does. A line that is not JSON answers -32700
/// (Parse error) and one that is JSON but no JSON-RPC message answers -32600 (Invalid Request), both with the id
/// null as JSON-RPC 2.0 says, where the SDK would stay silent; well-formed lines go on to the transport unchanged.
/// </summary>
public static class JsonRpcLineGuard
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task RunAsync(Stream input, PipeWriter forward, ITransport transport, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (Check(line, number) is not { } refused)
                {
                    await forward.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
                    await forward.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                await transport.SendMessageAsync(refused, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // The client's end of input ends the transport too.
            await forward.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The error answer for a line that is not a JSON-RPC message, or null when it is one.</summary>
    public static JsonRpcError? Check(string line, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return Error(default, McpErrorCode.ParseError,
                $"Parse error: line {number} is not JSON ({e.Message.Split(". ")[0].TrimEnd('.')}). Send one JSON-RPC message per line.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Error(default, McpErrorCode.InvalidRequest,
                    $"Invalid Request: line {number} is JSON but not an object; MCP sends one JSON-RPC message object per line (no batches).");
            var id = root.TryGetProperty("id", out var given) ? IdOf(given) : default;
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
                return Error(id, McpErrorCode.InvalidRequest, $"Invalid Request: line {number} lacks \"jsonrpc\": \"2.0\".");
            if (!root.TryGetProperty("method", out _) && !root.TryGetProperty("result", out _) && !root.TryGetProperty("error", out _))
                return Error(id, McpErrorCode.InvalidRequest, $"Invalid Request: line {number} has no \"method\" (nor a \"result\" or \"error\" answering a request).");
            return null;
        }
    }

    private static RequestId IdOf(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => new RequestId(id.GetString()!),
        JsonValueKind.Number when id.TryGetInt64(out var n) => new RequestId(n),
        _ => default,
    };

    private static JsonRpcError Error(RequestId id, McpErrorCode code, string message) =>
        new() { Id = id, Error = new JsonRpcErrorDetail { Code = (int)code, Message = message } };
}
