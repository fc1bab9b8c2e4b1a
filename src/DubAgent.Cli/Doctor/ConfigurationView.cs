using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Doctor;

/// <summary>The effective configuration as flat `Section:Key = value` pairs, secrets masked.</summary>
public static class ConfigurationView
{
    private static readonly string[] SecretWords = ["key", "token", "secret", "password"];

    public static SortedDictionary<string, string> Effective(IConfiguration configuration)
    {
        var pairs = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null) continue;
            pairs[key] = IsSecret(key) ? Mask(value) : value;
        }
        return pairs;
    }

    /// <summary>A key whose last part names a key, token, secret or password (ApiKey, Llm:Token, DB_PASSWORD).</summary>
    public static bool IsSecret(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => last.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    // Shows that a value is set without revealing any of it.
    private static string Mask(string value) => value.Length == 0 ? "" : "****";
}
