using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Voices;

/// <summary>The one rule every caller of voice creation shares: no consent statement, no voice.</summary>
public static class ConsentRequirement
{
    public const string Why =
        "A voice is cloned only from someone who agreed to it: the library records who consented, their statement, the date and the sample hashes.";

    public static string Require(string? consent, string name) =>
        string.IsNullOrWhiteSpace(consent)
            ? throw new InputException($"Refusing to create the voice '{name}' without consent. {Why}",
                $"Pass --consent \"I, {name}, agree that my recorded voice may be cloned for dubbing.\" with the person's own words (MCP: the `consent` argument).")
            : consent.Trim();
}
