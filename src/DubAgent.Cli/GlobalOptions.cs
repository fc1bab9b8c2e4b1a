using System.CommandLine;

namespace DubAgent.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Show debug logs and stack traces.", Recursive = true };

    public static Option<string[]> Plugins { get; } = new("--plugins")
    {
        Description = "Extra folder to load plugins from (repeatable).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Read by <see cref="Hosting.DubAgentConfiguration"/>; declared here so the parser accepts it everywhere.</summary>
    public static Option<string[]> Config { get; } = new("--config")
    {
        Description = "Set a configuration value, e.g. --config Llm:Model=gpt-4o-mini (repeatable; overrides dubagent.json and DUBAGENT_ variables).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };
}
