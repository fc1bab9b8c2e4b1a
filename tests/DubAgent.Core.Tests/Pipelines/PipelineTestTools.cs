using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tests.Pipelines;

public sealed class MeasureArgs
{
    [Description("Seconds of media to report.")]
    public required double Duration { get; init; }

    [Description("Content type; auto reads as cinematic.")]
    public string Content { get; init; } = "auto";
}

public sealed record MeasureResult(double Duration, string Content, string ReportPath);

/// <summary>Writes a small report file and returns the figures a router reads (a stand-in for analyze_media in tests).</summary>
public sealed class MeasureTool : Tool<MeasureArgs, MeasureResult>
{
    public override string Name => "measure";
    public override string Description => "Reports a duration and a content type.";

    public override async Task<MeasureResult> InvokeAsync(MeasureArgs arguments, ToolContext context)
    {
        var content = arguments.Content == "auto" ? "cinematic" : arguments.Content;
        var path = Path.Combine(context.WorkDirectory, "report.txt");
        await File.WriteAllTextAsync(path, $"{arguments.Duration} {content}", context.CancellationToken);
        await RunLog.AppendAsync(context, "measure");
        return new MeasureResult(arguments.Duration, content, path);
    }
}

public sealed class CopyArgs
{
    [Description("File to copy.")]
    public required string Input { get; init; }

    [Description("A file that must exist for the copy to succeed (lets a test make a step fail, then succeed).")]
    public string? Gate { get; init; }

    [Description("Text appended to the copy.")]
    public string Suffix { get; init; } = "";
}

public sealed record CopyResult(string Output, long Bytes);

/// <summary>Copies a file (atomically) and appends a suffix; fails while its gate file is missing.</summary>
public sealed class CopyTool : Tool<CopyArgs, CopyResult>
{
    public override string Name => "copy_file";
    public override string Description => "Copies a file.";

    public override async Task<CopyResult> InvokeAsync(CopyArgs arguments, ToolContext context)
    {
        await RunLog.AppendAsync(context, "copy_file");
        if (arguments.Gate is { Length: > 0 } gate && !File.Exists(gate))
            throw new InvalidOperationException($"gate {gate} is closed");
        var output = Path.Combine(context.WorkDirectory, "copy" + Path.GetExtension(arguments.Input));
        var temporary = output + ".partial";
        await File.WriteAllTextAsync(temporary, await File.ReadAllTextAsync(arguments.Input) + arguments.Suffix, context.CancellationToken);
        File.Move(temporary, output, overwrite: true);
        return new CopyResult(output, new FileInfo(output).Length);
    }
}

/// <summary>Each tool call appends its step folder's name to the job's runs.log, so tests count what really ran.</summary>
public static class RunLog
{
    private static readonly Lock Gate = new();

    /// <summary>Steps run side by side, so appends are serialized.</summary>
    public static Task AppendAsync(ToolContext context, string tool)
    {
        lock (Gate) File.AppendAllText(Path.Combine(context.JobDirectory, "runs.log"), Path.GetFileName(context.WorkDirectory) + "\n");
        return Task.CompletedTask;
    }

    public static IReadOnlyList<string> Read(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, "runs.log");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}

public sealed class RendezvousArgs
{
    [Description("This step's flag name.")]
    public required string Me { get; init; }

    [Description("The flag name of the step it waits for.")]
    public required string Other { get; init; }
}

public sealed record RendezvousResult(bool Met);

/// <summary>Raises its flag and waits (up to 20 s) for another step's: both meet only when the runner runs them side by side.</summary>
public sealed class RendezvousTool : Tool<RendezvousArgs, RendezvousResult>
{
    public override string Name => "rendezvous";
    public override string Description => "Waits for another step to run at the same time.";

    public override async Task<RendezvousResult> InvokeAsync(RendezvousArgs arguments, ToolContext context)
    {
        await File.WriteAllTextAsync(Path.Combine(context.JobDirectory, arguments.Me + ".flag"), "up");
        for (var i = 0; i < 400; i++)
        {
            if (File.Exists(Path.Combine(context.JobDirectory, arguments.Other + ".flag"))) return new RendezvousResult(true);
            await Task.Delay(50, context.CancellationToken);
        }
        return new RendezvousResult(false);
    }
}
