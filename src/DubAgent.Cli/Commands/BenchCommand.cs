using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Cli.Bench;
using DubAgent.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent bench [--json] [--stage NAME]`: the scoreboard, one row per stage and engine.</summary>
public static class BenchCommand
{
    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the rows as JSON on stdout." };
        var stage = new Option<string[]>("--stage")
        {
            Description = $"Run only these stages (repeatable): {string.Join(", ", BenchRunner.StageNames())}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("bench", "Measure each stage on the demo media: real-time factor and quality against the ground truth.")
        {
            json, stage,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runner = ActivatorUtilities.CreateInstance<BenchRunner>(host.Services);
            var names = (parse.GetValue(stage) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            string? lastMessage = null;
            var progress = new Progress<ProgressUpdate>(u =>
            {
                // One stderr line per step; stdout stays clean for --json.
                if (u.Message is { } m && m != lastMessage) parse.InvocationConfiguration.Error.WriteLine(lastMessage = m);
            });
            var rows = await runner.RunAsync(names, progress, cancellationToken).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new { demo = runner.DemoDirectory, rows }, DubAgentJson.Options))
                    .ConfigureAwait(false);
            else
                Print(rows, TerminalOutput.For(stdout));
            return 0;
        });
        return command;
    }

    private static void Print(IReadOnlyList<BenchRow> rows, IAnsiConsole console)
    {
        var table = new Table().Title("DubAgent bench (RTF = processing seconds / media seconds)")
            .AddColumns("stage", "engine", "RTF", "quality", "note");
        foreach (var row in rows)
            table.AddRow(new Text(row.Stage), new Text(row.Engine),
                new Text(row.RealTimeFactor?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"),
                new Text(row.Quality ?? "-"), new Text(row.Note ?? ""));
        console.Write(table);
    }
}
