using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.Support;

/// <summary>
/// Starts a tools/call with a chosen request id and progress token, waits for its first progress notification, then
/// sends notifications/cancelled for it, as a client does when its user stops a call. (The SDK's McpClient does not
/// send that notification when a CallToolAsync token fires, so the wire sequence is written here.)
/// </summary>
public static class CancelledCall
{
    public static async Task<Task<JsonRpcResponse>> StartThenCancelAsync(McpClient client, string tool, JsonObject arguments)
    {
        var id = new RequestId("call-" + Guid.NewGuid().ToString("N")[..8]);
        var token = "progress-" + id;
        var firstProgress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            if (notification.Params?["progressToken"]?.ToString() == token) firstProgress.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var call = client.SendRequestAsync(new JsonRpcRequest
        {
            Id = id,
            Method = RequestMethods.ToolsCall,
            Params = new JsonObject { ["name"] = tool, ["arguments"] = arguments, ["_meta"] = new JsonObject { ["progressToken"] = token } },
        });
        await firstProgress.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await client.SendNotificationAsync(NotificationMethods.CancelledNotification,
            new CancelledNotificationParams { RequestId = id, Reason = "the test stops it" });
        return call;
    }
}
