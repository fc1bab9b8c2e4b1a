using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>
/// Progress of a model download or check on stderr: a Spectre.Console bar on a terminal, otherwise a line per message and
/// per tenth done (logs stay short). stdout stays free for the command's result.
/// </summary>
public static class ModelProgressView
{
    public static async Task<T> RunAsync<T>(TextWriter stderr, string label, Func<IProgress<ProgressUpdate>, Task<T>> work)
    {
        var console = TerminalOutput.For(stderr);
        if (!console.Profile.Capabilities.Interactive) return await work(new LineProgress(stderr)).ConfigureAwait(false);
        var result = default(T)!;
        await console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = await work(new BarProgress(task)).ConfigureAwait(false);
                task.Value = 1.0;
                task.StopTask();
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Moves the bar (on the reporting thread: Spectre's task is thread-safe).</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
            if (value.Message is { } message) task.Description = Markup.Escape(message);
            if (value.Fraction is { } fraction) task.Value = fraction;
            task.IsIndeterminate = value.Fraction is null;
        }
    }

    private sealed class LineProgress(TextWriter stderr) : IProgress<ProgressUpdate>
    {
        private readonly object _gate = new();
        private string? _message;
        private int _tenth = -1;

        public void Report(ProgressUpdate value)
        {
            lock (_gate)
            {
                var tenth = value.Fraction is { } f ? (int)(f * 10) : _tenth;
                if (value.Message == _message && tenth == _tenth) return;
                _message = value.Message;
                _tenth = tenth;
                var percent = value.Fraction is { } done ? " " + done.ToString("P0", CultureInfo.InvariantCulture) : "";
                stderr.WriteLine($"{value.Message}{percent}");
            }
        }
    }
}
