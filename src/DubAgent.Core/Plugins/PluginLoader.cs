using System.Reflection;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Plugins;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DubAgent.Core.Plugins;

/// <summary>
/// Loads drop-in plugin assemblies into the host's services. Each plugin gets its own load context, is checked for
/// contract compatibility, and its tools and engines are created once on a trial provider before they are admitted,
/// so a plugin with a broken dependency, a wrong contract or a clashing name is refused with a clear reason while
/// the host keeps running. Call after the built-in tools and engines are registered.
/// </summary>
public sealed class PluginLoader(ILogger logger)
{
    public PluginCatalog LoadInto(IServiceCollection services, IEnumerable<string> folders)
    {
        var catalog = new PluginCatalog();
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct())
        {
            catalog.SearchedFolders.Add(folder);
            foreach (var assemblyPath in PluginDiscovery.FindAssemblies(folder))
            {
                try
                {
                    if (TryLoad(assemblyPath, services, catalog) is { } loaded)
                    {
                        catalog.Loaded.Add(loaded);
                        logger.LogInformation("Loaded plugin {Plugin} {Version} from {Path}", loaded.Name, loaded.Version, assemblyPath);
                    }
                }
                catch (Exception e)
                {
                    Fail(catalog, assemblyPath, $"it threw while loading: {Describe(e)}");
                }
            }
        }
        services.AddSingleton(catalog);
        return catalog;
    }

    private LoadedPlugin? TryLoad(string assemblyPath, IServiceCollection host, PluginCatalog catalog)
    {
        var context = new PluginLoadContext(assemblyPath);
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        if (ContractCompatibility.Check(assembly.GetName(), assembly.GetReferencedAssemblies(), ContractVersion.Current) is { } incompatible)
            return Fail(catalog, assemblyPath, incompatible);

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return Fail(catalog, assemblyPath, $"a dependency could not be loaded: {string.Join("; ", e.LoaderExceptions.OfType<Exception>().Select(Describe).Distinct())}");
        }

        var pluginTypes = types.Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDubAgentPlugin).IsAssignableFrom(t)).ToList();
        if (pluginTypes.Count == 0)
            return Fail(catalog, assemblyPath, "it has no public class implementing IDubAgentPlugin.");

        var plugins = pluginTypes.Select(t => (IDubAgentPlugin)Activator.CreateInstance(t)!).ToList();
        var own = new ServiceCollection();
        foreach (var plugin in plugins) plugin.ConfigureServices(own);

        var (tools, engines, refused) = Admit(host, own, assemblyPath);
        foreach (var reason in refused) Fail(catalog, assemblyPath, reason);
        if (tools is null) return null;

        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return new LoadedPlugin(string.Join(", ", plugins.Select(p => p.Name)), string.Join(" ", plugins.Select(p => p.Description)),
            version, assemblyPath, tools, engines!);
    }

    /// <summary>
    /// Creates the plugin's tools and engines on a trial provider (host services + the plugin's), drops the ones whose
    /// names are taken, and adds the rest to the host. Returns null lists when the plugin cannot be constructed at all.
    /// </summary>
    private static (List<string>? Tools, List<string>? Engines, List<string> Refused) Admit(IServiceCollection host, ServiceCollection own, string assemblyPath)
    {
        var refused = new List<string>();
        var trial = new ServiceCollection();
        foreach (var d in host) ((IList<ServiceDescriptor>)trial).Add(d);
        var hostToolCount = host.Count(d => d.ServiceType == typeof(ITool));
        var hostEngineCount = host.Count(d => d.ServiceType == typeof(IEngine));
        foreach (var d in own) ((IList<ServiceDescriptor>)trial).Add(d);

        List<ITool> allTools;
        List<IEngine> allEngines;
        using (var provider = trial.BuildServiceProvider())
        {
            try
            {
                allTools = provider.GetServices<ITool>().ToList();
                allEngines = provider.GetServices<IEngine>().ToList();
            }
            catch (Exception e)
            {
                refused.Add($"its tools or engines could not be created: {Describe(e)}");
                return (null, null, refused);
            }
        }

        var hostTools = allTools.Take(hostToolCount).ToList();
        var hostEngines = allEngines.Take(hostEngineCount).ToList();
        var pluginTools = allTools.Skip(hostToolCount).ToList();
        var pluginEngines = allEngines.Skip(hostEngineCount).ToList();
        var source = Path.GetFileName(assemblyPath);

        var admittedTools = new List<ITool>();
        foreach (var tool in pluginTools)
        {
            var clash = hostTools.Concat(admittedTools).FirstOrDefault(t => t.Name == tool.Name);
            if (clash is not null)
                refused.Add($"tool '{tool.Name}' from {source} clashes with tool '{clash.Name}' from {clash.GetType().Assembly.GetName().Name} ({clash.GetType().FullName}); the plugin's tool was refused. Rename it.");
            else admittedTools.Add(tool);
        }
        var admittedEngines = new List<IEngine>();
        foreach (var engine in pluginEngines)
        {
            var clash = hostEngines.Concat(admittedEngines).FirstOrDefault(e => e.Name == engine.Name && e.Capability == engine.Capability);
            if (clash is not null)
                refused.Add($"engine '{engine.Name}' ({engine.Capability}) from {source} clashes with the engine of that name from {clash.GetType().Assembly.GetName().Name} ({clash.GetType().FullName}); the plugin's engine was refused. Rename it.");
            else admittedEngines.Add(engine);
        }

        // Admit the plugin's other services as registered, and its tools and engines by the types that passed.
        var admittedToolTypes = admittedTools.Select(t => t.GetType()).ToHashSet();
        var admittedEngineTypes = admittedEngines.Select(e => e.GetType()).ToHashSet();
        foreach (var d in own)
        {
            if (d.ServiceType == typeof(ITool) || d.ServiceType == typeof(IEngine)) continue;
            host.Add(d);
        }
        foreach (var d in own.Where(d => d.ServiceType == typeof(ITool) || d.ServiceType == typeof(IEngine)))
        {
            var kept = d.ServiceType == typeof(ITool) ? admittedToolTypes : admittedEngineTypes;
            if (d.ImplementationType is { } type && !kept.Contains(type)) continue;
            if (d.ImplementationInstance is { } instance && !kept.Contains(instance.GetType())) continue;
            // Factories are admitted when every instance of their kind passed (a factory's type is not known beforehand).
            if (d.ImplementationFactory is not null && d.ServiceType == typeof(ITool) && admittedTools.Count != pluginTools.Count) continue;
            if (d.ImplementationFactory is not null && d.ServiceType == typeof(IEngine) && admittedEngines.Count != pluginEngines.Count) continue;
            host.Add(d);
        }
        return (admittedTools.Select(t => t.Name).ToList(), admittedEngines.Select(e => $"{e.Capability}/{e.Name}").ToList(), refused);
    }

    private LoadedPlugin? Fail(PluginCatalog catalog, string assemblyPath, string reason)
    {
        catalog.Failed.Add(new FailedPlugin(assemblyPath, reason));
        logger.LogWarning("Plugin {Path} skipped: {Reason}", assemblyPath, reason);
        return null;
    }

    private static string Describe(Exception e)
    {
        var root = e;
        while (root is TargetInvocationException or TypeInitializationException && root.InnerException is not null) root = root.InnerException;
        return root switch
        {
            FileNotFoundException f => $"missing assembly {f.FileName ?? f.Message}",
            FileLoadException f => $"cannot load assembly {f.FileName ?? f.Message}",
            _ => root.Message,
        };
    }
}
