using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Registry;

/// <summary>The tools registered in the services (built-in and plugins'); refuses two tools of one name.</summary>
public sealed class ToolRegistry : IToolRegistry
{
    private readonly Dictionary<string, ITool> _byName = new(StringComparer.Ordinal);

    public ToolRegistry(IEnumerable<ITool> tools)
    {
        foreach (var tool in tools)
        {
            if (_byName.TryGetValue(tool.Name, out var existing))
                throw new InvalidOperationException(
                    $"Two tools are named '{tool.Name}': {SourceOf(existing)} and {SourceOf(tool)}. Rename or remove one of them.");
            _byName.Add(tool.Name, tool);
        }
        All = _byName.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ITool> All { get; }

    public ITool? Find(string name) => _byName.GetValueOrDefault(name);

    internal static string SourceOf(object o) => $"{o.GetType().FullName} ({o.GetType().Assembly.GetName().Name})";
}
