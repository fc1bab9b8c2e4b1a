using System.ComponentModel;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Tests.Support;

public sealed class ProbeArguments : IEngineArguments
{
    [Description("The media file to probe.")]
    public required string Input { get; init; }

    [Description("A transcribe engine to resolve first (to test unknown engines).")]
    public string? Engine { get; init; }

    [Description("How many seconds of media to expect at least.")]
    public double MinSeconds { get; init; }
}

public sealed record ProbeResult(double Duration, int Streams, string Report);

/// <summary>Test-only tool: probes a file with the real ffprobe and writes probe.json into its step folder.</summary>
public sealed class ProbeTestTool : Tool<ProbeArguments, ProbeResult>
{
    public override string Name => "probe_test_media";
    public override string Description => "Test tool: probes a media file.";
    public override string? Capability => Capabilities.Transcribe;

    public override async Task<ProbeResult> InvokeAsync(ProbeArguments arguments, ToolContext context)
    {
        if (arguments.Engine is not null)
            await context.Services.GetRequiredService<IEngineRegistry>()
                .ResolveAsync<IEngine>(Capabilities.Transcribe, arguments.Engine, context.CancellationToken);
        var input = context.Paths.CheckRead(arguments.Input, "input");
        var info = await context.Services.GetRequiredService<IMediaToolkit>().ProbeAsync(input, context.CancellationToken);
        var report = Path.Combine(context.WorkDirectory, "probe.json");
        await File.WriteAllTextAsync(report, $"{{\"duration\": {info.Duration.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}");
        context.Report.MediaSeconds = info.Duration;
        return new ProbeResult(info.Duration, info.Streams.Count, report);
    }
}

public sealed class CountArguments
{
    [Description("Steps to count.")]
    public int Steps { get; init; } = 10;

    [Description("Milliseconds per step.")]
    public int DelayMs { get; init; } = 50;

    [Description("File the count is written to, in the step folder.")]
    [OutputPath]
    public string Output { get; init; } = "count.txt";
}

public sealed record CountResult(int Counted);

/// <summary>Test-only tool: long work that reports progress each step and honours cancellation.</summary>
public sealed class CountTestTool : Tool<CountArguments, CountResult>
{
    public static int Started;
    public static int Finished;

    public override string Name => "count_test";
    public override string Description => "Test tool: counts slowly.";

    public override async Task<CountResult> InvokeAsync(CountArguments arguments, ToolContext context)
    {
        Interlocked.Increment(ref Started);
        for (var i = 1; i <= arguments.Steps; i++)
        {
            await Task.Delay(arguments.DelayMs, context.CancellationToken);
            context.Progress.Report(ProgressUpdate.Of(i, arguments.Steps, $"step {i}"));
        }
        await File.WriteAllTextAsync(context.Paths.CheckWrite(arguments.Output, "output"), arguments.Steps.ToString());
        Interlocked.Increment(ref Finished);
        return new CountResult(arguments.Steps);
    }
}

public sealed class AskArguments
{
    [Description("The question for the caller's model.")]
    public required string Question { get; init; }

    [Description("'client' to use the caller's model.")]
    public string? Model { get; init; }
}

public sealed record AskResult(string Answer);

/// <summary>Test-only tool: asks the calling client's own model (MCP sampling) through ToolContext.CallerChat.</summary>
public sealed class AskCallerTestTool : Tool<AskArguments, AskResult>
{
    public override string Name => "ask_caller_test";
    public override string Description => "Test tool: asks the caller's model.";

    public override async Task<AskResult> InvokeAsync(AskArguments arguments, ToolContext context)
    {
        var chat = context.CallerChat ?? throw new DubAgent.Abstractions.Errors.InputException("no caller model");
        var response = await chat.GetResponseAsync(arguments.Question, cancellationToken: context.CancellationToken);
        return new AskResult(response.Text);
    }
}
