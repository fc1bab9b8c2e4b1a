using ModelContextProtocol;

namespace DubAgent.Server.Resources;

/// <summary>
/// DubAgent does not offer resources/subscribe (it does not advertise resources.subscribe): job files are written once
/// and a job's progress comes as progress notifications and from get_job. The SDK would answer `{}` as if subscribed.
/// </summary>
public static class ResourceSubscriptions
{
    public static McpProtocolException NotOffered(string method) => new(
        $"{method} is not offered by this server (it does not advertise resources.subscribe). " +
        "Follow a job with get_job (wait: 30) or by reading dubagent://jobs/{job} again.",
        McpErrorCode.MethodNotFound);
}
