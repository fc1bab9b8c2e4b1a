using System.CommandLine;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Commands;
using DubAgent.Cli.Hosting;

namespace DubAgent.Cli;

/// <summary>Builds the `dubagent` command tree and turns errors into one clear line plus a hint.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var verbose = args.Contains("--verbose");
        await using var host = new CliHost(args);
        var root = new RootCommand("DubAgent: dub a video into another language, as MCP tools, recipes and commands.");
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Plugins);
        foreach (var command in CommandCatalog.Create(host)) root.Subcommands.Add(command);
        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr };
            return await root.Parse(args).InvokeAsync(config).ConfigureAwait(false);
        }
        catch (DubAgentException e)
        {
            return ErrorReport.Print(e, stderr, verbose);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return 130;
        }
    }
}
