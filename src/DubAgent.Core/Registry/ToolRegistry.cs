using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Registry;

/// <summary>
/// The tools registered in the services (built-in first, then plugins'). Of two tools with one name the first
/// registered stays and the other is refused, with a message naming both sources in <see cref="RegistrationProblems"/>.
/// </summary>
public sealed class ToolRegistry : IToolRegistry
{
    private readonly Dictionary<string, ITool> _byName = new(StringComparer.Ordinal);

    public ToolRegistry(IEnumerable<ITool> tools, RegistrationProblems? problems = null)
    {
        foreach (var tool in tools)
        {
            if (_byName.TryGetValue(tool.Name, out var existing))
            {
                var message = $"Tool '{tool.Name}' from {SourceOf(tool)} was refused: the name is already taken by {SourceOf(existing)}. Rename one of them.";
                if (problems is null) throw new InvalidOperationException(message);
                problems.Add(message);
                continue;
            }
            _byName.Add(tool.Name, tool);
        }
        All = _byName.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ITool> All { get; }

    public ITool? Find(string name) => _byName.GetValueOrDefault(name);

    internal static string SourceOf(object o) => $"{o.GetType().FullName} ({o.GetType().Assembly.GetName().Name})";
}
