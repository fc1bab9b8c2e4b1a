using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Plugins;

/// <summary>Where to look for plugins: `plugins/` beside the executable, `Plugins:Folders` in configuration, and `--plugins DIR`.</summary>
public static class PluginFolders
{
    public static IReadOnlyList<string> From(IConfiguration configuration, IEnumerable<string> commandLineFolders)
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "plugins") };
        var options = PluginOptions.From(configuration);
        var configured = options.Folders.Concat([options.Folder]).Where(v => !string.IsNullOrWhiteSpace(v));
        folders.AddRange(configured!);
        folders.AddRange(commandLineFolders);
        return folders;
    }
}
