using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Plugins;

/// <summary>The "Plugins" section: folders to load plugins from besides `plugins/` beside the executable and `--plugins DIR`.</summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>Plugins:Folders:0, Plugins:Folders:1, or a JSON array in dubagent.json.</summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>One folder, for a single environment variable (DUBAGENT_PLUGINS__FOLDER).</summary>
    public string? Folder { get; set; }

    public static PluginOptions From(IConfiguration configuration) => configuration.GetOptions<PluginOptions>(Section);
}
