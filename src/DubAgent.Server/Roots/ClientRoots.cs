using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Roots and sampling are deprecated only from spec 2026-07-28 on; the clients of today (protocol 2025-xx) use them.
#pragma warning disable MCP9005

namespace DubAgent.Server.Roots;

/// <summary>
/// The folders one MCP client announced (roots/list), asked for on the first call that needs them and again after the
/// client says its roots changed. Clients without the roots capability announce none.
/// </summary>
public sealed class ClientRoots(ILogger logger)
{
    private IReadOnlyList<string>? _cached;

    public void Invalidate() => _cached = null;

    public async Task<IReadOnlyList<string>> GetAsync(McpServer server, CancellationToken cancellationToken)
    {
        if (_cached is { } cached) return cached;
        if (server.ClientCapabilities?.Roots is null) return _cached = [];
        try
        {
            var result = await server.RequestRootsAsync(new ListRootsRequestParams(), cancellationToken).ConfigureAwait(false);
            var folders = new List<string>();
            foreach (var root in result.Roots)
            {
                if (Uri.TryCreate(root.Uri, UriKind.Absolute, out var uri) && uri.IsFile) folders.Add(uri.LocalPath);
                else logger.LogWarning("Ignoring client root '{Uri}': only file:// roots name folders", root.Uri);
            }
            return _cached = folders;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A client that declares roots but fails to list them gets no extra folders, not a failed call.
            logger.LogWarning("The client's roots/list failed: {Message}", e.Message);
            return [];
        }
    }
}
