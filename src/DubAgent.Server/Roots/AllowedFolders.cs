using DubAgent.Abstractions.Tools;

namespace DubAgent.Server.Roots;

/// <summary>
/// The folders calls may use, from the server's --root folders and the roots the client announced. Over stdio the
/// client started the server as the user, so its roots add to --root. Over HTTP any local process can be the client,
/// so its roots only narrow --root: a client root inside a --root folder counts (as itself), a --root folder inside a
/// client root counts (as itself), anything else is ignored; a client that announces no roots gets --root.
/// </summary>
public static class AllowedFolders
{
    public static IReadOnlyList<string> Of(IReadOnlyList<string> serverRoots, IReadOnlyList<string> clientRoots, bool clientRootsNarrow)
    {
        if (!clientRootsNarrow) return [.. serverRoots, .. clientRoots];
        if (clientRoots.Count == 0) return serverRoots;
        var allowed = new List<string>();
        foreach (var client in clientRoots)
        {
            var realClient = RealPath.Of(Path.GetFullPath(client));
            foreach (var server in serverRoots)
            {
                var realServer = RealPath.Of(Path.GetFullPath(server));
                if (RealPath.IsInside(realClient, realServer)) allowed.Add(realClient);
                else if (RealPath.IsInside(realServer, realClient)) allowed.Add(realServer);
            }
        }
        return allowed.Distinct(StringComparer.Ordinal).ToList();
    }
}
