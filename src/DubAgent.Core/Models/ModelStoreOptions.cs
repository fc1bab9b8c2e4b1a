using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Models;

/// <summary>
/// Settings of the model store, section "Models": Directory (default $XDG_CACHE_HOME/dubagent/models, i.e.
/// ~/.cache/dubagent/models), AutoDownload (default true: engines may download a missing model when they need it),
/// Catalog (an extra catalog file), ConnectTimeoutSeconds (5), ReadTimeoutSeconds (30: a server silent that long is
/// given up on), Attempts (3: a cut connection is resumed where it stopped).
/// </summary>
public sealed record ModelStoreOptions
{
    public required string Directory { get; init; }

    public bool AutoDownload { get; init; } = true;

    public string? CatalogFile { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int Attempts { get; init; } = 3;

    public static ModelStoreOptions From(IConfiguration? configuration)
    {
        var section = configuration?.GetSection("Models");
        return new ModelStoreOptions
        {
            Directory = section?["Directory"] is { Length: > 0 } folder ? Path.GetFullPath(ExpandHome(folder)) : DefaultDirectory(),
            AutoDownload = section?.GetValue("AutoDownload", true) ?? true,
            CatalogFile = section?["Catalog"] is { Length: > 0 } catalog ? Path.GetFullPath(ExpandHome(catalog)) : null,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(0.1, section?.GetValue("ConnectTimeoutSeconds", 5.0) ?? 5.0)),
            ReadTimeout = TimeSpan.FromSeconds(Math.Max(0.1, section?.GetValue("ReadTimeoutSeconds", 30.0) ?? 30.0)),
            Attempts = Math.Max(1, section?.GetValue("Attempts", 3) ?? 3),
        };
    }

    /// <summary>$XDG_CACHE_HOME/dubagent/models, else ~/.cache/dubagent/models.</summary>
    public static string DefaultDirectory() =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "dubagent", "models");

    /// <summary>`~` and `~/...` as the user's home folder (settings files and environment variables do not expand them).</summary>
    internal static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
