using System.Collections.Concurrent;
using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Core.Pipelines;
using Spectre.Console;

namespace DubAgent.Cli.Pipelines;

/// <summary>A progress bar per running step (on a terminal), or one line per step start and end (in logs).</summary>
public sealed class StepProgressView(IAnsiConsole console, ProgressContext? bars) : IPipelineObserver
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IPipelineObserver, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive) return await work(new StepProgressView(console, null)).ConfigureAwait(false);
        var result = default(T)!;
        await console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context => result = await work(new StepProgressView(console, context)).ConfigureAwait(false))
            .ConfigureAwait(false);
        return result;
    }

    public void StepStarted(RecipeStep step, string? engine)
    {
        var label = engine is null ? $"{step.Id} ({step.Tool})" : $"{step.Id} ({step.Tool}, {engine})";
        if (bars is null)
        {
            Line($"[{step.Id}] started: {step.Tool}{(engine is null ? "" : $" with {engine}")}");
            return;
        }
        lock (_gate) _tasks[step.Id] = bars.AddTask(Markup.Escape(label), maxValue: 1.0);
    }

    public void StepProgress(RecipeStep step, ProgressUpdate update)
    {
        if (bars is null || !_tasks.TryGetValue(step.Id, out var task)) return;
        if (update.Fraction is { } f) task.Value = Math.Max(task.Value, f);
        else task.IsIndeterminate = true;
    }

    public void StepFinished(StepOutcome outcome)
    {
        var seconds = outcome.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (bars is null)
        {
            var what = outcome.Status switch
            {
                StepStatus.Cached => "unchanged, reused",
                StepStatus.Skipped => $"skipped ({outcome.EngineReason})",
                _ => $"done in {seconds} s{(outcome.EngineRan is { } e ? $" with {e}" : "")}",
            };
            Line($"[{outcome.Step}] {what}");
            return;
        }
        if (_tasks.TryGetValue(outcome.Step, out var task))
        {
            task.IsIndeterminate = false;
            task.Value = 1.0;
            task.StopTask();
        }
        else
        {
            lock (_gate)
            {
                var done = bars.AddTask(Markup.Escape($"{outcome.Step} ({(outcome.Status == StepStatus.Cached ? "cached" : "skipped")})"), maxValue: 1.0);
                done.Value = 1.0;
                done.StopTask();
            }
        }
    }

    private void Line(string text)
    {
        lock (_gate) console.WriteLine(text);
    }
}
