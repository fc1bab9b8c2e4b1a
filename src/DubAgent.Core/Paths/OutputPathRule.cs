using System.Reflection;
using System.Text.Json;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Paths;

/// <summary>The write rule as a recipe can be checked against it before a run: output arguments stay in the step folder.</summary>
public static class OutputPathRule
{
    /// <summary>The snake_case names of the arguments marked <see cref="OutputPathAttribute"/>.</summary>
    public static IReadOnlySet<string> ArgumentsOf(Type argumentsType) =>
        argumentsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<OutputPathAttribute>() is not null)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a path, taken from a step folder, stays inside it (no absolute path, no '..' that climbs out).</summary>
    public static bool StaysInside(string path)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(path) || path.StartsWith('~')) return false;
        var step = Path.Combine(Path.GetTempPath(), "step");
        var full = Path.GetFullPath(path, step);
        return RealPath.IsInside(full, step);
    }
}
