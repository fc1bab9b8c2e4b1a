using System.Globalization;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Models;

namespace DubAgent.Core.Models;

/// <summary>The one error for "this model cannot be had here": names the model, its URL and the commands that fix it.</summary>
public static class ModelUnavailable
{
    public const string Capability = "model";

    public static EngineUnavailableException Create(ModelEntry entry, string reason) =>
        new(entry.Engine, Capability, $"model {entry.Id}: {reason}", Hint(entry));

    /// <summary>`dubagent models pull ID` (N MB), or download the URL yourself and `dubagent models add FILE`.</summary>
    public static string Hint(ModelEntry entry) =>
        $"run `dubagent models pull {entry.Id}` ({Megabytes(entry.Size)}), or download {entry.Url} yourself and run `dubagent models add FILE`";

    /// <summary>A size as people read it: GB, MB, or kB under a megabyte (a voice's 5 kB config is not "1 MB").</summary>
    public static string Megabytes(long bytes) =>
        bytes >= 1_000_000_000 ? (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB"
        : bytes >= 1_000_000 ? Math.Round(bytes / 1e6).ToString("0", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, Math.Round(bytes / 1e3)).ToString("0", CultureInfo.InvariantCulture) + " kB";
}
