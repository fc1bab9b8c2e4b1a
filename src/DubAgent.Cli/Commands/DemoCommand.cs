using System.CommandLine;
using DubAgent.Abstractions;
using DubAgent.Cli.Demo;
using DubAgent.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent demo [--out DIR] [--no-dub]`: makes the demo video with its ground truth, then dubs it into Spanish.</summary>
public static class DemoCommand
{
    public static Command Create(CliHost host)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo (new, empty, or an earlier demo's).", DefaultValueFactory = _ => "demo" };
        var force = new Option<bool>("--force") { Description = "Make the demo again even when the folder already holds a complete one." };
        var noDub = new Option<bool>("--no-dub") { Description = "Only make the demo video and its ground truth; do not dub it." };
        var command = new Command("demo",
            "Make a one-minute demo video (two English voices, music, sound effects) with its ground truth, then dub it into Spanish with the `dub` recipe.")
        {
            output, force, noDub,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var generator = ActivatorUtilities.CreateInstance<DemoGenerator>(host.Services);
            var directory = parse.GetValue(output)!;
            var stderr = TerminalOutput.For(parse.InvocationConfiguration.Error);
            var media = await WithProgressAsync(stderr, progress => parse.GetValue(force)
                ? generator.GenerateAsync(directory, progress, cancellationToken)
                : generator.EnsureAsync(directory, progress, cancellationToken)).ConfigureAwait(false);
            if (parse.GetValue(noDub)) return await DubDemoAsync(media, parse.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
            return await DemoDubbing.RunAsync(host.Services, media, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>With --no-dub: says where the demo video and its ground truth are.</summary>
    internal static async Task<int> DubDemoAsync(DemoMedia media, TextWriter stdout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await stdout.WriteLineAsync($"Demo video:   {media.Video}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Ground truth: {media.TruthDirectory} (transcript.json, vocals.wav, background.wav, mix.wav)")
            .ConfigureAwait(false);
        return 0;
    }

    private static async Task<DemoMedia> WithProgressAsync(IAnsiConsole console, Func<IProgress<ProgressUpdate>, Task<DemoMedia>> work)
    {
        DemoMedia? media = null;
        await console.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask("Making the demo", maxValue: 1.0);
            media = await work(new TaskProgress(task)).ConfigureAwait(false);
            task.Value = 1.0;
            task.Description = "Demo ready";
        }).ConfigureAwait(false);
        return media!;
    }

    /// <summary>Reports straight onto the bar (Progress&lt;T&gt; would post late, after the bar is done).</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
            if (value.Fraction is { } f) task.Value = Math.Max(task.Value, f);
            if (value.Message is { Length: > 0 } m) task.Description = Markup.Escape(m);
        }
    }
}
