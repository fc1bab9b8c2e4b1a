using DubAgent.Server.Roots;

namespace DubAgent.Server.Hosting;

/// <summary>What the server keeps for one connected client: the roots it announced.</summary>
public sealed class McpSessionState(ClientRoots roots)
{
    public ClientRoots Roots { get; } = roots;
}
