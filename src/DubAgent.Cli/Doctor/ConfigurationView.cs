using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Doctor;

/// <summary>The effective configuration as flat `Section:Key = value` pairs, secrets masked.</summary>
public static class ConfigurationView
{
    public static SortedDictionary<string, string> Effective(IConfiguration configuration)
    {
        var pairs = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null) continue;
            pairs[key] = IsSecret(key) ? SecretKeys.Mask(value) : WithoutUrlPassword(value);
        }
        return pairs;
    }

    /// <summary>A URL's password (amqp://user:password@host, as in Cluster:Broker) masked; any other value as it is.</summary>
    public static string WithoutUrlPassword(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? value.Replace(uri.UserInfo, $"{uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)]}:{SecretKeys.Mask("x")}", StringComparison.Ordinal)
            : value;

    /// <summary>A key whose last part names a key, token, secret or password (ApiKey, Llm:Token, DB_PASSWORD).</summary>
    public static bool IsSecret(string key) => SecretKeys.IsSecret(key);
}
