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

    /// <summary>`--config Llm:Model=gpt-4o-mini` pairs from the command line.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> CommandLinePairs(string[] args)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] != "--config") continue;
            var pair = args[i + 1];
            var eq = pair.IndexOf('=');
            if (eq > 0) yield return new(pair[..eq], pair[(eq + 1)..]);
        }
    }
}
