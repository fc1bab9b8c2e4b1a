namespace DubAgent.Abstractions.Tools;

/// <summary>
/// The path a file system operation would really reach: full, normalized (`..` folded) and with every symbolic link
/// along the way followed. A missing tail (a file about to be written) is kept as written below its real parent.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string fullPath)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(fullPath), ref links);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var parts = fullPath[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks) return next; // a link loop: the caller's containment check refuses it
                var targetPath = Path.GetFullPath(target, current);
                next = Resolve(targetPath, ref links);
            }
            else if (!info.Exists)
            {
                return Path.Combine([next, .. parts[(i + 1)..]]);
            }
            current = next;
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (both real, full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var trimmed = folder.Length > 1 ? folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : folder;
        if (string.Equals(path, trimmed, comparison)) return true;
        var prefix = trimmed.EndsWith(Path.DirectorySeparatorChar) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];
}
