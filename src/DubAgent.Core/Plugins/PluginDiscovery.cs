namespace DubAgent.Core.Plugins;

/// <summary>
/// Where plugins are found: each folder holds plugins as subfolders `NAME/NAME.dll` (with the plugin's
/// .deps.json and its own dependencies beside it) or as a single `NAME.dll` with its .deps.json.
/// </summary>
public static class PluginDiscovery
{
    public static IEnumerable<string> FindAssemblies(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var main = Path.Combine(sub, Path.GetFileName(sub) + ".dll");
            if (File.Exists(main)) yield return main;
        }
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.ChangeExtension(dll, ".deps.json"))) yield return dll;
        }
    }
}
