using DubAgent.Core.Media;

namespace DubAgent.Core.Models;

/// <summary>
/// The SHA-256 a model pinned only by its publisher's MD5 had when its download was verified (size and MD5), kept
/// beside it as `FILE.sha256` in sha256sum's format (`sha256sum -c` reads it). Later checks (`dubagent models verify`)
/// rest on this SHA-256, not on MD5; a model without it is not taken as present.
/// </summary>
public static class RecordedSha256
{
    public const string Suffix = ".sha256";

    public static string PathFor(string modelPath) => modelPath + Suffix;

    /// <summary>The recorded digest, or null when there is none or it is not 64 lower-case hex digits.</summary>
    public static string? Read(string modelPath)
    {
        var path = PathFor(modelPath);
        if (!File.Exists(path)) return null;
        var first = File.ReadAllText(path).Split([' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is { Length: 64 } && first.All(char.IsAsciiHexDigitLower) ? first : null;
    }

    /// <summary>Writes the record under a temporary name and renames it, before the model itself is renamed into place.</summary>
    public static Task WriteAsync(string modelPath, string sha256) =>
        AtomicFile.WriteAsync(PathFor(modelPath), temporary => File.WriteAllTextAsync(temporary, $"{sha256}  {Path.GetFileName(modelPath)}\n"));
}
