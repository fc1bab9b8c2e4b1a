using System.Security.Cryptography;
using System.Text;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Synthesized clips by content: the hash of engine, engine version, settings, voice, language and text names the
/// file, so re-running after editing one line synthesizes that line alone. Lives in the job's .cache/synthesize folder.
/// </summary>
public sealed class ClipCache
{
    public ClipCache(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public static ClipCache ForJob(string jobDirectory) => new(Path.Combine(jobDirectory, ".cache", "synthesize"));

    /// <summary>A stable key of the parts that decide a clip's sound.</summary>
    public static string Key(params string?[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(p => p ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
    }

    public string PathFor(string key, string prefix = "clip") => Path.Combine(Directory, $"{prefix}-{key}.wav");

    /// <summary>Whether a complete clip is stored (files are only ever renamed into place, so existence means complete).</summary>
    public static bool Has(string path) => File.Exists(path) && new FileInfo(path).Length > 44;
}
