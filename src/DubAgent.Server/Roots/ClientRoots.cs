using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Roots and sampling are deprecated only from spec 2026-07-28 on; the clients of today (protocol 2025-xx) use them.
#pragma warning disable MCP9005

namespace DubAgent.Server.Roots;

/// <summary>
/// The folders one MCP client announced (roots/list). A 2025-11-25 session declares its capabilities once: its roots
/// are asked for on the first call that needs them and again after the client says they changed. A 2026-07-28 client
/// declares its capabilities on each request and the server must not carry them over from earlier requests, so its
/// roots are asked for per call. Clients (or requests) without the roots capability announce none.
/// </summary>
public sealed class ClientRoots(ILogger logger)
{
    private IReadOnlyList<string>? _cached;

    public void Invalidate() => _cached = null;

    public async Task<IReadOnlyList<string>> GetAsync(McpServer server, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Roots is null) return [];
        var session = IsSession(server);
        if (session && _cached is { } cached) return cached;
        try
        {
            var result = await server.RequestRootsAsync(new ListRootsRequestParams(), cancellationToken).ConfigureAwait(false);
            var folders = new List<string>();
            foreach (var root in result.Roots)
            {
                if (Uri.TryCreate(root.Uri, UriKind.Absolute, out var uri) && uri.IsFile) folders.Add(uri.LocalPath);
                else logger.LogWarning("Ignoring client root '{Uri}': only file:// roots name folders", root.Uri);
            }
            if (session) _cached = folders;
            return folders;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A client that declares roots but fails to list them gets no extra folders, not a failed call.
            logger.LogWarning("The client's roots/list failed: {Message}", e.Message);
            return [];
        }
    }

    /// <summary>Whether the client's capabilities belong to a session (negotiated by initialize, before 2026-07-28).</summary>
    private static bool IsSession(McpServer server) =>
        server.NegotiatedProtocolVersion is not { } version || string.CompareOrdinal(version, PerRequestRevision) < 0;

    private const string PerRequestRevision = "2026-07-28";
}
