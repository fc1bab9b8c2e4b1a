namespace DubAgent.Core.Plugins;

/// <summary>A plugin that loaded: what `dubagent plugins` lists.</summary>
public sealed record LoadedPlugin(string Name, string Description, string Version, string AssemblyPath, IReadOnlyList<string> Tools, IReadOnlyList<string> Engines);

/// <summary>A plugin assembly that was refused or failed, and why.</summary>
public sealed record FailedPlugin(string AssemblyPath, string Reason);
