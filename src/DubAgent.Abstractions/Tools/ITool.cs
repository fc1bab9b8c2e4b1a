namespace DubAgent.Abstractions.Tools;

/// <summary>
/// One operation, declared once and called three ways: by MCP clients, by recipe steps and by `dubagent call`.
/// Arguments and results are typed records serialized with <see cref="DubAgentJson.Options"/> (snake_case);
/// the JSON schema is generated from <see cref="ArgumentsType"/> and its [Description] attributes.
/// </summary>
public interface ITool
{
    /// <summary>snake_case name, as MCP and recipes use it (`separate_audio`).</summary>
    string Name { get; }

    /// <summary>Written for a language model: what it does, units, what the result means, which tool usually comes next.</summary>
    string Description { get; }

    /// <summary>The capability whose engine the `engine` argument picks, or null for tools without engines.</summary>
    string? Capability { get; }

    Type ArgumentsType { get; }

    Type ResultType { get; }

    Task<object> InvokeAsync(object arguments, ToolContext context);
}

/// <summary>Typed base for tools: derive, set the names, implement <see cref="InvokeAsync(TArgs, ToolContext)"/>.</summary>
public abstract class Tool<TArgs, TResult> : ITool
    where TArgs : class
    where TResult : class
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public virtual string? Capability => null;

    public Type ArgumentsType => typeof(TArgs);

    public Type ResultType => typeof(TResult);

    public abstract Task<TResult> InvokeAsync(TArgs arguments, ToolContext context);

    async Task<object> ITool.InvokeAsync(object arguments, ToolContext context) =>
        await InvokeAsync((TArgs)arguments, context).ConfigureAwait(false);
}
