namespace DubAgent.Core.Configuration;

/// <summary>Keys whose values must never be printed: their last part names a key, token, secret or password.</summary>
public static class SecretKeys
{
    private static readonly string[] Words = ["key", "token", "secret", "password"];

    /// <summary>ApiKey, Llm:Token, DB_PASSWORD are secret; Keyboard:Layout is not.</summary>
    public static bool IsSecret(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return Words.Any(w => last.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Shows that a value is set without revealing any of it.</summary>
    public static string Mask(string value) => value.Length == 0 ? "" : "****";
}
