using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Configuration;

/// <summary>How a key holds its value, as ConfigurationBinder reads it.</summary>
internal enum OptionsKeyKind
{
    /// <summary>One value converted from text (a string, a number, a boolean, an enum).</summary>
    Value,

    /// <summary>A nested section bound to a class of its own.</summary>
    Section,

    /// <summary>Items under the key (Key:0, Key:1, or a JSON array).</summary>
    List,

    /// <summary>Entries under the key with names of the user's choosing.</summary>
    Map,

    /// <summary>An IConfigurationSection the code reads itself (a comma list or a map): any shape is accepted.</summary>
    Free,
}

/// <summary>One key of an options class: its configuration name, the property it binds to, and the type of its values.</summary>
internal sealed record OptionsKey(string Name, PropertyInfo Property, OptionsKeyKind Kind, Type ItemType)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<OptionsKey>> Cache = new();

    /// <summary>The keys of an options class, ordered by name: the properties ConfigurationBinder would set.</summary>
    public static IReadOnlyList<OptionsKey> Of(Type optionsType) => Cache.GetOrAdd(optionsType, type =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Select(Describe)
            .Where(k => k is not null && (k.Property.SetMethod is { IsPublic: true } || k.Kind is not OptionsKeyKind.Value))
            .Select(k => k!)
            .OrderBy(k => k.Name, StringComparer.OrdinalIgnoreCase)
            .ToList());

    /// <summary>The validation attributes of the property ([Range], [Url], [Required]).</summary>
    public IEnumerable<ValidationAttribute> Rules => Property.GetCustomAttributes<ValidationAttribute>();

    private static OptionsKey? Describe(PropertyInfo property)
    {
        var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
        var type = property.PropertyType;
        if (typeof(IConfiguration).IsAssignableFrom(type)) return new(name, property, OptionsKeyKind.Free, type);
        if (IsValue(type)) return new(name, property, OptionsKeyKind.Value, type);
        if (MapValueType(type) is { } valueType) return new(name, property, OptionsKeyKind.Map, valueType);
        if (ListItemType(type) is { } itemType) return new(name, property, OptionsKeyKind.List, itemType);
        return type.IsClass ? new(name, property, OptionsKeyKind.Section, type) : null;
    }

    /// <summary>A type ConfigurationBinder converts from one string (through its TypeConverter), not a collection.</summary>
    public static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return true;
        if (typeof(IEnumerable).IsAssignableFrom(type)) return false;
        return TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
    }

    private static Type? ListItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static Type? MapValueType(Type type)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var map = candidates.FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
        return map?.GetGenericArguments()[0] == typeof(string) ? map.GetGenericArguments()[1] : null;
    }
}
