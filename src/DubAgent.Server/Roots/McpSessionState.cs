namespace DubAgent.Server.Roots;

/// <summary>What the server keeps for one connected client: the roots it announced, and whether they may only narrow --root.</summary>
public sealed class McpSessionState(ClientRoots roots, bool clientRootsNarrow = false)
{
    public ClientRoots Roots { get; } = roots;

    /// <summary>True over HTTP (any local process may connect): the client's roots narrow --root and never add to it.</summary>
    public bool ClientRootsNarrow { get; } = clientRootsNarrow;
}
