using System.Reflection;

namespace DubAgent.Core.Plugins;

/// <summary>A plugin built against another major version of DubAgent.Abstractions is refused before any of its code runs.</summary>
public static class ContractCompatibility
{
    /// <returns>Null when compatible, else the reason.</returns>
    public static string? Check(AssemblyName pluginAssembly, IEnumerable<AssemblyName> references, Version host)
    {
        var contract = references.FirstOrDefault(r => r.Name == "DubAgent.Abstractions");
        if (contract is null)
            return $"{pluginAssembly.Name} does not reference DubAgent.Abstractions, so it is not a DubAgent plugin.";
        var built = contract.Version ?? new Version(0, 0);
        if (built.Major != host.Major || built > host)
            return $"{pluginAssembly.Name} was built against DubAgent.Abstractions {built.ToString(2)}, but this host provides {host.ToString(2)}. " +
                   $"Rebuild the plugin against DubAgent.Abstractions {host.ToString(2)}.";
        return null;
    }
}
