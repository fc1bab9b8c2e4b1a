using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Paths;

/// <summary>
/// The MCP server's rule for paths: a call may read and write only inside the allowed folders (the --root folders,
/// the roots the client announced, and the jobs folder), judged after `..` is folded and symbolic links are followed.
/// Relative paths are taken from the base folder (the first allowed root unless given). A root may also be one file
/// (a run's input), which allows that file alone.
/// </summary>
public sealed class RootsPathPolicy : IPathPolicy
{
    private readonly IReadOnlyList<string> _roots;
    private readonly IReadOnlyList<string> _realRoots;
    private readonly string? _baseDirectory;
    private readonly string _howToWiden;

    /// <param name="roots">The folders, in order (the first resolves relative paths unless <paramref name="baseDirectory"/> is given).</param>
    /// <param name="baseDirectory">The folder relative paths start from (the CLI's current folder).</param>
    /// <param name="howToWiden">How the user allows another folder, for the error's hint.</param>
    public RootsPathPolicy(IEnumerable<string> roots, string? baseDirectory = null, string? howToWiden = null)
    {
        _howToWiden = howToWiden ?? "start the server with --root <folder> (repeatable) or add the folder to your client's roots";
        _roots = roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(Path.GetFullPath).Distinct().ToList();
        _realRoots = _roots.Select(RealPath.Of).ToList();
        _baseDirectory = baseDirectory is null ? null : Path.GetFullPath(baseDirectory);
    }

    public IReadOnlyList<string> Roots => _roots;

    public string CheckRead(string path, string argumentName) => Check(path, argumentName, "read");

    public string CheckWrite(string path, string argumentName) => Check(path, argumentName, "write");

    private string Check(string path, string argumentName, string verb)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InputException($"The argument '{argumentName}' is empty.", "Give the path of a file inside the allowed folders.");
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(path, UriKind.Absolute, out var uri))
            path = uri.LocalPath;

        string full;
        if (Path.IsPathFullyQualified(path))
        {
            full = Path.GetFullPath(path);
        }
        else
        {
            if (_baseDirectory is null && _roots.Count == 0)
                throw new InputException($"The {argumentName} '{path}' is a relative path, and this server has no root folder to take it from.",
                    NoRootsHint);
            full = Path.GetFullPath(path, _baseDirectory ?? _roots[0]);
        }

        if (!_realRoots.Any(r => RealPath.IsInside(full, r)) && !_roots.Any(r => RealPath.IsInside(full, r)))
        {
            var how = path.Replace('\\', '/').Split('/').Contains("..") ? " (its '..' climbs out of them)" : "";
            throw new InputException($"The {argumentName} '{path}' is outside the folders this server may {verb}{how}.", AllowedHint());
        }

        var real = RealPath.Of(full);
        if (!_realRoots.Any(r => RealPath.IsInside(real, r)))
            throw new InputException(
                $"The {argumentName} '{path}' leads through a symbolic link to '{real}', which is outside the folders this server may {verb}.",
                AllowedHint());
        return full;
    }

    private string AllowedHint() => _roots.Count == 0
        ? NoRootsHint
        : $"Allowed folders: {string.Join(", ", _roots)}. Use a file inside them, or {_howToWiden}.";

    private const string NoRootsHint =
        "No folder is allowed yet: start the server with --root <folder> (repeatable), or use a client that announces its roots.";
}
