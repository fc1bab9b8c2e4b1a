using System.Reflection;
using System.Runtime.Loader;

namespace DubAgent.Core.Plugins;

/// <summary>
/// One plugin's own load context: its dependencies come from its folder (through its .deps.json), while the
/// contract assemblies (DubAgent.Abstractions and the Microsoft.Extensions abstractions it exposes) are shared
/// with the host, so the plugin's ITool is the host's ITool.
/// </summary>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> Shared = new(StringComparer.OrdinalIgnoreCase)
    {
        "DubAgent.Abstractions",
        "Microsoft.Extensions.AI.Abstractions",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Configuration.Abstractions",
        "Microsoft.Extensions.Primitives",
    };

    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string mainAssemblyPath) : base($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}")
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    public static bool IsShared(AssemblyName name) => name.Name is { } n && Shared.Contains(n);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName)) return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
