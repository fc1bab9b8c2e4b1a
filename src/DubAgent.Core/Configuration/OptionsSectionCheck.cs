using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Configuration;

/// <summary>
/// Holds one configuration section against its options class: every key is one the class declares, every value
/// converts to its property's type (through ConfigurationBinder, as the engine will later read it), numbers are finite,
/// and the property's validation attributes hold. Each problem names the key, the value, where it was set, and the
/// section's valid keys.
/// </summary>
internal sealed class OptionsSectionCheck(Func<string, string?> sourceOf)
{
    private readonly List<ConfigurationProblem> _problems = [];

    public IReadOnlyList<ConfigurationProblem> Problems => _problems;

    /// <summary>A section and the options class it binds to: the owner every problem's hint lists the keys of.</summary>
    private sealed record Owner(string Path, Type OptionsType);

    /// <param name="path">The section's path as the options classes spell it (keys from environment variables come upper-case).</param>
    public void Check(IConfigurationSection section, Type optionsType, string path)
    {
        var owner = new Owner(path, optionsType);
        if (IsSingleValue(section))
        {
            Add(owner, path, $"'{path}' is a section, not a single value (got {Shown(section)}){Source(section)}.");
            return;
        }
        var keys = OptionsKey.Of(optionsType);
        foreach (var child in section.GetChildren())
        {
            var key = keys.FirstOrDefault(k => k.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                var nearest = Nearest(child.Key, keys);
                Add(owner, $"{path}:{child.Key}", $"Unknown configuration key '{path}:{child.Key}'{Source(child)}.",
                    nearest is null ? "" : $"Did you mean '{path}:{nearest}'? ");
                continue;
            }
            var childPath = $"{path}:{key.Name}";
            switch (key.Kind)
            {
                case OptionsKeyKind.Value:
                    CheckValue(owner, child, childPath, key.ItemType, key.Rules);
                    break;
                case OptionsKeyKind.Section:
                    Check(child, key.ItemType, childPath);
                    break;
                case OptionsKeyKind.List or OptionsKeyKind.Map:
                    CheckItems(owner, child, childPath, key);
                    break;
            }
        }
    }

    private void CheckItems(Owner owner, IConfigurationSection section, string path, OptionsKey key)
    {
        var list = key.Kind == OptionsKeyKind.List;
        if (IsSingleValue(section))
        {
            Add(owner, path, $"'{path}' is a {(list ? "list" : "map")}, not a single value (got {Shown(section)}){Source(section)}.",
                $"Give its items as {path}:{(list ? "0" : "NAME")}=... (or a JSON {(list ? "array" : "object")} in dubagent.json). ");
            return;
        }
        foreach (var item in section.GetChildren())
        {
            if (OptionsKey.IsValue(key.ItemType)) CheckValue(owner, item, $"{path}:{item.Key}", key.ItemType, []);
            else Check(item, key.ItemType, $"{path}:{item.Key}");
        }
    }

    private void CheckValue(Owner owner, IConfigurationSection entry, string path, Type type, IEnumerable<ValidationAttribute> rules)
    {
        if (entry.GetChildren().Any())
        {
            Add(owner, path, $"'{path}' takes one value ({OptionsKeyWords.ValueName(type)}), not keys under it{Source(entry)}.");
            return;
        }
        object? value;
        try
        {
            value = entry.Get(type);
        }
        catch (InvalidOperationException)
        {
            Add(owner, path, $"'{path}' must be {WithArticle(OptionsKeyWords.ValueName(type))}, got {Shown(entry)}{Source(entry)}.");
            return;
        }
        if (value is double d && !double.IsFinite(d) || value is float f && !float.IsFinite(f))
        {
            Add(owner, path, $"'{path}' must be a finite number, got {Shown(entry)}{Source(entry)}.");
            return;
        }
        if (value is null) return;
        var context = new ValidationContext(value) { MemberName = entry.Key };
        var broken = rules.FirstOrDefault(rule => rule.GetValidationResult(value, context) != ValidationResult.Success);
        if (broken is null) return;
        var rule = OptionsKeyWords.RuleText(broken);
        Add(owner, path, $"'{path}' must be {(rule.Length > 0 ? rule : broken.FormatErrorMessage(entry.Key))}, got {Shown(entry)}{Source(entry)}.");
    }

    private void Add(Owner owner, string key, string message, string hintPrefix = "")
    {
        var defaults = Activator.CreateInstance(owner.OptionsType)!;
        var valid = string.Join(", ", OptionsKey.Of(owner.OptionsType).Select(k => OptionsKeyWords.Summary(k, defaults)));
        _problems.Add(new ConfigurationProblem(key, message, $"{hintPrefix}Valid keys of {owner.Path}: {valid}."));
    }

    /// <summary>A value set where keys belong ("--config Mfcc=1"); an empty value is no more than an empty section.</summary>
    private static bool IsSingleValue(IConfigurationSection section) =>
        !string.IsNullOrEmpty(section.Value) && !section.GetChildren().Any();

    /// <summary>'abc' in quotes, or **** for a secret.</summary>
    private static string Shown(IConfigurationSection entry) =>
        $"'{(SecretKeys.IsSecret(entry.Path) ? SecretKeys.Mask(entry.Value ?? "") : entry.Value)}'";

    /// <summary>" (set by --config)": where the first value under the entry came from, when the host can tell.</summary>
    private string Source(IConfigurationSection entry)
    {
        var leaf = entry.Value is not null ? entry.Path : entry.AsEnumerable().FirstOrDefault(p => p.Value is not null).Key;
        return leaf is not null && sourceOf(leaf) is { Length: > 0 } source ? $" (set {source})" : "";
    }

    private static string WithArticle(string valueName) => valueName is "number" or "whole number" ? $"a {valueName}" : valueName;

    /// <summary>The valid key a typo most likely meant (MinClusterShre: MinClusterShare), or null when none is close.</summary>
    private static string? Nearest(string typed, IReadOnlyList<OptionsKey> keys)
    {
        var best = keys.Select(k => (k.Name, Distance: EditDistance(typed.ToLowerInvariant(), k.Name.ToLowerInvariant())))
            .OrderBy(p => p.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 4) ? best.Name : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
