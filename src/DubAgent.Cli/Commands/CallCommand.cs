using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Pipelines;
using DubAgent.Core.Calls;
using DubAgent.Core.Media;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent call TOOL [--arg name=value ...] [--json ARGS] [--out DIR]`: one tool call, as an MCP client makes it; the result JSON on stdout.</summary>
public static class CallCommand
{
    public static Command Create(CliHost host)
    {
        var toolArgument = new Argument<string>("tool") { Description = "The tool's name (`dubagent tools` lists them)." };
        var args = new Option<string[]>("--arg", "-a") { Description = "An argument: name=value (lists as a,b or JSON; objects as JSON). Repeatable." };
        var json = new Option<string?>("--json") { Description = "All arguments as one JSON object (the --arg pairs are added to it)." };
        var output = new Option<string?>("--out", "-o") { Description = "The job folder; the call writes into its subfolder named after the tool. Default: calls." };
        var command = new Command("call", "Call one tool directly, as an MCP client would, and print its result as JSON.")
        {
            toolArgument, args, json, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = host.Services;
            var invoker = services.GetRequiredService<ToolInvoker>();
            var tool = invoker.Require(parse.GetValue(toolArgument)!);
            var arguments = Parse(parse.GetValue(json));
            foreach (var (name, value) in invoker.ArgumentsFromPairs(tool, parse.GetValue(args) ?? []))
                arguments[name] = value?.DeepClone();
            var bound = invoker.Bind(tool, arguments);

            // The same rule as `run --out`: a new, empty or DubAgent-made folder, never one of the user's.
            var job = JobFolder.Claim(parse.GetValue(output) ?? "calls");
            // Recorded like a recipe step (step.json, provenance for a later export), and always run: a call is asked for now.
            var step = RecordedStep.InJob(job, tool.Name, reuse: false);
            var stderr = TerminalOutput.For(parse.InvocationConfiguration.Error);
            ToolCallResult result = null!;
            using var interrupt = new InterruptSignal(cancellationToken);
            await stderr.Status().StartAsync($"{tool.Name}…", async status =>
            {
                var context = new ToolContext
                {
                    WorkDirectory = Path.Combine(job, tool.Name),
                    JobDirectory = job,
                    Services = services,
                    CancellationToken = interrupt.Token,
                    Logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(tool.Name),
                    Progress = new StatusProgress(status, tool.Name),
                };
                result = await services.GetRequiredService<IToolCall>()
                    .InvokeAsync(new ToolCallRequest(tool, bound, context) { Step = step }, interrupt.Token).ConfigureAwait(false);
                step.Workspace.Hasher.Save();
            }).ConfigureAwait(false);

            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(result.Json, DubAgentJson.Options)).ConfigureAwait(false);
            var engine = result.Report.Engine is { } e ? $", engine {e}" : "";
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"{tool.Name}: done in {result.Elapsed.TotalSeconds:0.00} s{engine}; outputs in {Path.Combine(job, tool.Name)}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static JsonObject Parse(string? json)
    {
        if (json is null) return [];
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new InputException("--json must be a JSON object.", "Write --json '{\"input\": \"video.mp4\"}'.");
        }
        catch (JsonException e)
        {
            throw new InputException($"--json is not valid JSON: {e.Message}", "Write --json '{\"input\": \"video.mp4\"}'.");
        }
    }

    private sealed class StatusProgress(StatusContext status, string tool) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
            var percent = value.Fraction is { } f ? $" {f:P0}" : "";
            status.Status(Markup.Escape($"{tool}{percent} {value.Message}"));
        }
    }
}
