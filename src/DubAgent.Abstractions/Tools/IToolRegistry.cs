namespace DubAgent.Abstractions.Tools;

/// <summary>Every tool the host offers, built-in and from plugins: the one list MCP, recipes and the CLI share.</summary>
public interface IToolRegistry
{
    IReadOnlyList<ITool> All { get; }

    ITool? Find(string name);
}
