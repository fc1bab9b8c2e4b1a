using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Hosting;

/// <summary>
/// One configuration, later sources overriding earlier: the user's config folder's dubagent.json, the working
/// folder's dubagent.json, DUBAGENT_* environment variables (DUBAGENT_LLM__MODEL = Llm:Model), then `--config key=value`.
/// </summary>
public static class DubAgentConfiguration
{
    public static IConfigurationRoot Build(string[] args, string? workingDirectory = null)
    {
        var userFolder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "dubagent");
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(userFolder, "dubagent.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), "dubagent.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("DUBAGENT_")
            .AddInMemoryCollection(CommandLinePairs(args));
        return builder.Build();
    }

    /// <summary>`--config Llm:Model=gpt-4o-mini` (or `--config=Llm:Model=gpt-4o-mini`) pairs from the command line.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> CommandLinePairs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            string pair;
            if (args[i] == "--config" && i + 1 < args.Length) pair = args[++i];
            else if (args[i].StartsWith("--config=", StringComparison.Ordinal)) pair = args[i]["--config=".Length..];
            else continue;
            var eq = pair.IndexOf('=');
            if (eq > 0) yield return new(pair[..eq], pair[(eq + 1)..]);
        }
    }
}
