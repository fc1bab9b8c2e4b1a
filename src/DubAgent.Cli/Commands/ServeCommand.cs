using System.CommandLine;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Hosting;
using DubAgent.Server;
using DubAgent.Server.Hosting;
using DubAgent.Server.Transports;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Commands;

/// <summary>
/// `dubagent serve [--http 127.0.0.1:5005] [--token T] [--root DIR]... [--jobs DIR] [--max-calls N] [--wait S]
/// [--max-sessions N] [--session-idle MIN]`: the MCP server,
/// over stdio (stdout carries only MCP; logs go to stderr) or Streamable HTTP.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliHost host)
    {
        var http = new Option<string?>("--http")
        {
            Description = "Serve Streamable HTTP on this address instead of stdio, e.g. 127.0.0.1:5005 (endpoint /mcp). " +
                          "A non-loopback address needs --token.",
        };
        var token = new Option<string?>("--token")
        {
            Description = "Bearer token HTTP clients must send (default: the DUBAGENT_TOKEN environment variable).",
        };
        var roots = new Option<string[]>("--root")
        {
            Description = "A folder tool calls may read and write (repeatable). Client-announced roots are added.",
            AllowMultipleArgumentsPerToken = false,
        };
        var jobs = new Option<string?>("--jobs") { Description = "Folder for job outputs (default: Server:JobsDirectory, else the user's data folder)." };
        var maxCalls = new Option<int?>("--max-calls") { Description = "Tool calls working at once; more wait their turn (default 2)." };
        var wait = new Option<int?>("--wait")
        {
            Description = "Seconds a call answers in the foreground; longer work answers 'working' with its job id and goes on (default 20).",
        };
        var maxSessions = new Option<int?>("--max-sessions") { Description = "HTTP sessions open at once; beyond them 503 (default 1000)." };
        var idle = new Option<int?>("--session-idle") { Description = "Minutes an unused HTTP session stays open (default 10)." };
        var maxResource = new Option<int?>("--max-resource-mb") { Description = "The largest job file resources/read returns, in MB (default 64)." };
        var command = new Command("serve", "Run the MCP server (stdio by default, or Streamable HTTP with --http) so assistants can call DubAgent's tools.")
        {
            http, token, roots, jobs, maxCalls, wait, maxSessions, idle, maxResource,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configured = ServerOptions.From(host.Configuration);
            var options = new DubAgentServerOptions
            {
                JobsDirectory = parse.GetValue(jobs) ?? (configured.JobsDirectory is { Length: > 0 } j ? j : DubAgentServerOptions.DefaultJobsDirectory()),
                MaxConcurrentCalls = parse.GetValue(maxCalls) ?? configured.MaxConcurrentCalls,
                ForegroundWait = TimeSpan.FromSeconds(Positive(parse.GetValue(wait) ?? configured.WaitSeconds, "--wait", zero: true)),
                MaxSessions = Positive(parse.GetValue(maxSessions) ?? configured.MaxSessions, "--max-sessions"),
                SessionIdleTimeout = TimeSpan.FromMinutes(Positive(parse.GetValue(idle) ?? configured.SessionIdleMinutes, "--session-idle")),
                MaxResourceBytes = Positive(parse.GetValue(maxResource) ?? configured.MaxResourceMegabytes, "--max-resource-mb") * 1024L * 1024,
            };
            foreach (var root in parse.GetValue(roots) ?? [])
            {
                var full = Path.GetFullPath(root);
                if (!Directory.Exists(full))
                    throw new InputException($"The --root folder '{root}' does not exist.", "Give an existing folder holding the videos to dub.");
                options.Roots.Add(full);
            }
            if (options.MaxConcurrentCalls < 1)
                throw new InputException($"--max-calls must be at least 1, not {options.MaxConcurrentCalls}.");

            var server = new DubAgentServer(host.Services, options);
            var stderr = parse.InvocationConfiguration.Error;
            var allowed = options.Roots.Count == 0 ? "none yet (client roots only)" : string.Join(", ", options.Roots);
            if (parse.GetValue(http) is not { } address)
            {
                await stderr.WriteLineAsync($"dubagent MCP server on stdio: {server.Tools.Count} tools; roots: {allowed}; jobs: {server.Jobs.Directory}").ConfigureAwait(false);
                await server.RunStdioAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }

            var binding = HttpBinding.Parse(address, parse.GetValue(token) ?? configured.Token);
            await using var web = await McpHttpHost.StartAsync(server, binding, cancellationToken).ConfigureAwait(false);
            // The MCP line stays first: scripts and tests read the address from it.
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Serving MCP at {web.Endpoint}").ConfigureAwait(false);
            await output.WriteLineAsync($"Studio (web page) at {new Uri(web.Endpoint, "/")}").ConfigureAwait(false);
            await output.WriteLineAsync($"Live dubbing at {new Uri(web.Endpoint, "/live")}").ConfigureAwait(false);
            if (binding.Token is not null)
                await output.WriteLineAsync("A token is required: the studio asks for it once at /login; open /live?token=TOKEN; MCP clients send `Authorization: Bearer TOKEN`.")
                    .ConfigureAwait(false);
            await stderr.WriteLineAsync($"{server.Tools.Count} tools; roots: {allowed}; jobs: {server.Jobs.Directory}; " +
                                        (binding.Token is null ? "no token (loopback only)" : "bearer token required")).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string option, bool zero = false) =>
        value > 0 || zero && value == 0 ? value : throw new InputException($"{option} must be {(zero ? "0 or more" : "at least 1")}, not {value}.");
}
