using System.Globalization;
using System.Text.Json;
using DubAgent.Core.Pipelines;
using Spectre.Console;

namespace DubAgent.Cli.Pipelines;

/// <summary>The end of a run: step, engine that ran, cache hit, time, real-time factor, then the outputs.</summary>
public static class RunSummaryTable
{
    public static void Write(IAnsiConsole console, PipelineRunResult result)
    {
        var table = new Table().Title($"{Markup.Escape(result.Recipe)}: {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")
            .AddColumns("step", "tool", "engine", "cache", "time (s)", "RTF", "note");
        foreach (var step in result.Steps)
        {
            var cache = step.Status switch
            {
                StepStatus.Cached => "hit",
                StepStatus.Ran => "miss",
                StepStatus.Skipped => "skipped",
                _ => "not run",
            };
            var note = step.Notes.FirstOrDefault(n => n.StartsWith("fell back", StringComparison.Ordinal))
                ?? (step.Status == StepStatus.Skipped ? step.EngineReason : null) ?? "";
            table.AddRow(Cell(step.Step), Cell(step.Tool), Cell(step.EngineRan ?? "-"), Cell(cache),
                Cell(step.Status switch
                {
                    StepStatus.Ran => Seconds(step.Elapsed),
                    StepStatus.Cached => $"0 (was {Seconds(step.Elapsed)})",
                    _ => "-",
                }),
                Cell(step.RealTimeFactor is { } rtf ? rtf.ToString("0.000", CultureInfo.InvariantCulture) : "-"),
                Cell(note));
        }
        console.Write(table);
        console.WriteLine($"Job folder: {result.JobDirectory}");
        foreach (var (name, value) in result.Outputs)
            console.WriteLine($"{name}: {(value is null ? "null" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString())}");
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static Text Cell(string text) => new(text);
}
