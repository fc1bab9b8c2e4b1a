using DubAgent.Core.Models;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Voices;

/// <summary>
/// Settings of the voice library, section "Voices": Directory (default $XDG_DATA_HOME/dubagent/voices, i.e.
/// ~/.local/share/dubagent/voices: the user's data, not a cache), BusyTimeoutSeconds (how long a writer waits for
/// another process's write, 30).
/// </summary>
public sealed record VoiceLibraryOptions
{
    public const string Section = "Voices";

    public required string Directory { get; init; }

    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static VoiceLibraryOptions From(IConfiguration? configuration)
    {
        var section = configuration?.GetSection(Section);
        return new VoiceLibraryOptions
        {
            Directory = section?["Directory"] is { Length: > 0 } folder ? Path.GetFullPath(ModelStoreOptions.ExpandHome(folder)) : DefaultDirectory(),
            BusyTimeout = TimeSpan.FromSeconds(Math.Clamp(section?.GetValue("BusyTimeoutSeconds", 30.0) ?? 30.0, 0.1, 3600)),
        };
    }

    /// <summary>$XDG_DATA_HOME/dubagent/voices, else ~/.local/share/dubagent/voices.</summary>
    public static string DefaultDirectory() =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "dubagent", "voices");
}
