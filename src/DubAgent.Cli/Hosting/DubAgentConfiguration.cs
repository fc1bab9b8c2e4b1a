using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace DubAgent.Cli.Hosting;

/// <summary>
/// One configuration, later sources overriding earlier: the user's config folder's dubagent.json, the working
/// folder's dubagent.json, DUBAGENT_* environment variables (DUBAGENT_LLM__MODEL = Llm:Model), then `--config key=value`.
/// </summary>
public static class DubAgentConfiguration
{
    private const string EnvironmentPrefix = "DUBAGENT_";

    public static IConfigurationRoot Build(string[] args, string? workingDirectory = null)
    {
        var userFolder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "dubagent");
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(userFolder, "dubagent.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), "dubagent.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(CommandLinePairs(args));
        return builder.Build();
    }

    /// <summary>`--config` entries that are not Key=Value (no '=', an empty key or key part): they would be dropped silently.</summary>
    public static IReadOnlyList<ConfigurationProblem> CommandLineProblems(string[] args)
    {
        const string Hint = "Write --config Section:Key=Value, e.g. --config Llm:Model=gpt-4o-mini.";
        var problems = new List<ConfigurationProblem>();
        foreach (var entry in ConfigEntries(args))
        {
            var eq = entry.IndexOf('=');
            if (eq < 0)
                problems.Add(new(entry, $"--config '{entry}' has no '=': it sets nothing.", Hint));
            else if (!IsKey(entry[..eq]))
                problems.Add(new(entry, $"--config '{entry}' has an empty key{(eq == 0 ? "" : " part")} before '='.", Hint));
        }
        return problems;
    }

    /// <summary>Where the effective value of <paramref name="key"/> was set: "by --config", "by DUBAGENT_LLM__MODEL", "in /path/dubagent.json".</summary>
    public static string? SourceOf(IConfigurationRoot configuration, string key)
    {
        var provider = configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _));
        return provider switch
        {
            MemoryConfigurationProvider => "by --config",
            EnvironmentVariablesConfigurationProvider => $"by {EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()}",
            JsonConfigurationProvider { Source: { FileProvider: PhysicalFileProvider files, Path: { } path } } => $"in {Path.Combine(files.Root, path)}",
            _ => null,
        };
    }

    /// <summary>`--config Llm:Model=gpt-4o-mini` (or `--config=Llm:Model=gpt-4o-mini`) pairs from the command line.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> CommandLinePairs(string[] args)
    {
        foreach (var entry in ConfigEntries(args))
        {
            var eq = entry.IndexOf('=');
            if (eq > 0 && IsKey(entry[..eq])) yield return new(entry[..eq], entry[(eq + 1)..]);
        }
    }

    /// <summary>Section:Key with no empty part ("Llm:Model", not ":Model" or "Llm:").</summary>
    private static bool IsKey(string key) => key.Split(':').All(part => part.Trim().Length > 0);

    private static IEnumerable<string> ConfigEntries(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Length) yield return args[++i];
            else if (args[i].StartsWith("--config=", StringComparison.Ordinal)) yield return args[i]["--config=".Length..];
        }
    }
}
