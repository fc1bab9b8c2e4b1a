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
}
