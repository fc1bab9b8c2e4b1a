namespace DubAgent.Core.Plugins;

/// <summary>The outcome of plugin loading for this process.</summary>
public sealed class PluginCatalog
{
    public List<LoadedPlugin> Loaded { get; } = [];

    public List<FailedPlugin> Failed { get; } = [];

    public List<string> SearchedFolders { get; } = [];
}
