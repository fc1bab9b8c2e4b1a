using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Voices;

/// <summary>What an actor may be called: 1-64 letters, digits, spaces and - _ . ' (no path characters, no control characters).</summary>
public static class ActorNames
{
    public const int MaxLength = 64;

    public static void Check(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxLength || !trimmed.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '\''))
            throw new InputException($"'{name}' is not a usable actor name.",
                $"Use 1 to {MaxLength} letters, digits, spaces, '-', '_', '.' or \"'\" (e.g. \"Ana Torres\").");
    }
}
