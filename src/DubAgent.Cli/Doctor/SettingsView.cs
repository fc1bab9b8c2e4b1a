using System.Collections;
using System.Globalization;
using System.Reflection;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Doctor;

/// <summary>
/// What every options section holds once bound: each key its class declares, defaults included, as flat
/// `Section:Key = value` pairs with secrets (keys, tokens, passwords, a URL's password) masked. A class with a static
/// From(IConfiguration) is read through it, so the values are those its engine uses (ranges applied, variables merged).
/// </summary>
public static class SettingsView
{
    private const int MaxDepth = 4;

    public static SortedDictionary<string, string> Effective(IConfiguration configuration, IEnumerable<OptionsSection> sections)
    {
        var pairs = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in sections.DistinctBy(s => s.Path, StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                if (Bind(configuration, section) is { } options) Flatten(section.Path, options, pairs, 0);
            }
            catch (Exception e) when (e is InvalidOperationException or InputException or TargetInvocationException)
            {
                var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                pairs[section.Path] = $"(not usable: {inner.Message})";
            }
        }
        return pairs;
    }

    private static object? Bind(IConfiguration configuration, OptionsSection section)
    {
        var from = section.OptionsType.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "From"
            && section.OptionsType.IsAssignableFrom(m.ReturnType) && m.GetParameters() is [var first, .. var rest]
            && first.ParameterType == typeof(IConfiguration) && rest.All(p => p.IsOptional));
        if (from is not null)
            return from.Invoke(null, [configuration, .. from.GetParameters().Skip(1).Select(p => p.DefaultValue)]);
        return configuration.GetSection(section.Path).Get(section.OptionsType)
               ?? (section.OptionsType.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(section.OptionsType) : null);
    }

    private static void Flatten(string path, object options, SortedDictionary<string, string> pairs, int depth)
    {
        // The settable properties are the section's keys (OptionsSection); computed ones are not settings.
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && (p.CanWrite || IsList(p.PropertyType))))
        {
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(options);
            if (value is not null && depth < MaxDepth && IsNested(property.PropertyType))
                Flatten(key, value, pairs, depth + 1);
            else
                pairs[key] = Shown(key, Text(value));
        }
    }

    private static string Shown(string key, string text) =>
        SecretKeys.IsSecret(key) && text.Length > 0 ? SecretKeys.Mask(text) : ConfigurationView.WithoutUrlPassword(text);

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IDictionary map => string.Join(", ", map.Keys.Cast<object>().Select(k => $"{k}={Text(map[k])}")),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsNested(Type type) => type.IsClass && type != typeof(string) && !IsList(type) && type != typeof(Uri);
}
