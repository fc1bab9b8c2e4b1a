using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using DubAgent.Abstractions;

namespace DubAgent.Core.Tools;

/// <summary>
/// The JSON names of an argument type's properties and which of them are required: `required` members, [JsonRequired],
/// and constructor parameters without a default value.
/// </summary>
public sealed record ArgumentShape(IReadOnlyList<string> Names, IReadOnlyList<string> Required)
{
    private static readonly ConcurrentDictionary<Type, ArgumentShape> Cache = new();

    public static ArgumentShape Of(Type type) => Cache.GetOrAdd(type, Create);

    private static ArgumentShape Create(Type type)
    {
        var info = DubAgentJson.Options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object) return new ArgumentShape([], []);
        var names = info.Properties.Select(p => p.Name).ToList();
        var required = info.Properties
            .Where(p => p.IsRequired || p.AssociatedParameter is { HasDefaultValue: false, IsNullable: false })
            .Select(p => p.Name)
            .ToList();
        return new ArgumentShape(names, required);
    }
}
