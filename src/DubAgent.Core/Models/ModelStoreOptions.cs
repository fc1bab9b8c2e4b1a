using DubAgent.Core.Configuration;
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

    /// <summary>The "Models" section bound once to <see cref="ModelsSection"/> (its keys as spelled), turned into paths and spans.</summary>
    public static ModelStoreOptions From(IConfiguration? configuration)
    {
        var keys = configuration?.GetOptions<ModelsSection>(ModelsSection.Section) ?? new ModelsSection();
        return new ModelStoreOptions
        {
            Directory = keys.Directory is { Length: > 0 } folder ? Path.GetFullPath(ExpandHome(folder)) : DefaultDirectory(),
            AutoDownload = keys.AutoDownload,
            CatalogFile = keys.Catalog is { Length: > 0 } catalog ? Path.GetFullPath(ExpandHome(catalog)) : null,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(0.1, keys.ConnectTimeoutSeconds)),
            ReadTimeout = TimeSpan.FromSeconds(Math.Max(0.1, keys.ReadTimeoutSeconds)),
            Attempts = Math.Max(1, keys.Attempts),
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
