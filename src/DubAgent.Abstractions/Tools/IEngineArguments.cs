namespace DubAgent.Abstractions.Tools;

/// <summary>Implemented by the arguments of every capability tool: the `engine` argument (null = the default engine).</summary>
public interface IEngineArguments
{
    string? Engine { get; }
}
