using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DubAgent.Core.Workspace;

/// <summary>
/// The identity of a step's work: tool, engine, engine version, arguments (with defaults filled in) and the contents
/// of every file the arguments name. Equal keys mean the step's outputs would be the same.
/// </summary>
public static class StepCacheKey
{
    public static string Compute(string tool, string? engine, string? engineVersion, JsonElement arguments,
        IReadOnlyDictionary<string, string> inputHashes)
    {
        var text = new StringBuilder()
            .Append("tool=").Append(tool).Append('\n')
            .Append("engine=").Append(engine).Append('\n')
            .Append("version=").Append(engineVersion).Append('\n')
            .Append("arguments=").Append(arguments.GetRawText()).Append('\n');
        foreach (var (path, hash) in inputHashes.OrderBy(h => h.Key, StringComparer.Ordinal))
            text.Append("input=").Append(path).Append('=').Append(hash).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Every string in the arguments that names an existing file (relative to the current folder or absolute).</summary>
    public static IReadOnlyList<string> FilesNamedIn(JsonElement arguments)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        Collect(arguments, files);
        return files.ToList();
    }

    private static void Collect(JsonElement element, SortedSet<string> files)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) Collect(p.Value, files);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, files);
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Length is > 0 and < 4096 && text.IndexOfAny(Path.GetInvalidPathChars()) < 0 && !text.Contains('\n'))
                {
                    try
                    {
                        var full = Path.GetFullPath(text);
                        if (File.Exists(full)) files.Add(full);
                    }
                    catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
                    {
                        // Not a path.
                    }
                }
                break;
        }
    }
}
