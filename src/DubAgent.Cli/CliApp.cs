using System.CommandLine;
using DubAgent.Cli.Commands;
using DubAgent.Cli.Hosting;

namespace DubAgent.Cli;

/// <summary>Builds the `dubagent` command tree and turns every failure into one clear line plus a hint.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        CancellationToken cancellationToken = default)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var verbose = args.Contains("--verbose");
        try
        {
            await using var host = new CliHost(args);
            var root = BuildRoot(host);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0) return ParseErrorReport.Print(parsed, stderr);

            // Our own handler words unexpected exceptions (one line, stack only with --verbose).
            // Ctrl+C and SIGTERM cancel every command's token (engines stop, nothing half-written is kept) instead of
            // killing the process with its children still running.
            var config = new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            using var interrupt = new Pipelines.InterruptSignal(cancellationToken);
            return await parsed.InvokeAsync(config, interrupt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e)
        {
            return ErrorReport.Print(e, stderr, verbose);
        }
    }

    public static RootCommand BuildRoot(CliHost host)
    {
        var root = new RootCommand("DubAgent: dub a video into another language, as MCP tools, recipes and commands.");
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Plugins);
        root.Options.Add(GlobalOptions.Config);
        foreach (var command in CommandCatalog.Create(host)) root.Subcommands.Add(command);
        return root;
    }
}
