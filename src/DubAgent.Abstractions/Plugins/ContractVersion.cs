namespace DubAgent.Abstractions.Plugins;

/// <summary>The plugin contract's version: a plugin built against another major version is refused.</summary>
public static class ContractVersion
{
    public static Version Current => typeof(ContractVersion).Assembly.GetName().Version ?? new Version(1, 0);
}
