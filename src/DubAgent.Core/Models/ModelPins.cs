using DubAgent.Abstractions.Models;

namespace DubAgent.Core.Models;

/// <summary>
/// Whether a file is the catalog's model: its SHA-256 equals the catalog's, or, for an entry its publisher pins by MD5,
/// its size and MD5 equal the publisher's.
/// </summary>
public static class ModelPins
{
    /// <summary>Whether checking <paramref name="entry"/> needs the file's MD5 as well as its SHA-256.</summary>
    public static bool NeedsMd5(ModelEntry entry) => entry.Sha256 is null;

    /// <summary>What differs ("SHA-256 X, not the catalog's Y"), or null when the file is the model.</summary>
    public static string? Mismatch(ModelEntry entry, long size, string sha256, string? md5)
    {
        if (entry.Sha256 is { } pinned) return sha256 == pinned ? null : $"SHA-256 {sha256}, not the catalog's {pinned}";
        if (size != entry.Size) return $"{size} bytes, not the publisher's {entry.Size}";
        return md5 == entry.Md5 ? null : $"MD5 {md5}, not the publisher's {entry.Md5}";
    }

    /// <summary>Whether a file of this size and these digests is this entry's model (to recognise a file added without --id).</summary>
    public static bool Matches(ModelEntry entry, long size, string sha256, string? md5) => Mismatch(entry, size, sha256, md5) is null;
}
