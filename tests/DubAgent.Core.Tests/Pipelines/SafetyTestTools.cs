using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tests.Pipelines;

public sealed class SaveTextArgs
{
    [Description("The text to write.")]
    public required string Text { get; init; }

    [Description("Where to write it, inside the step folder.")]
    [OutputPath]
    public string Output { get; init; } = "text.txt";

    [Description("Wait for cancellation after writing (a step interrupted half-way).")]
    public bool Hang { get; init; }
}

public sealed record SaveTextResult(string Output);

/// <summary>Writes text straight to its output name (no temporary), then optionally hangs until cancelled.</summary>
public sealed class SaveTextTool : Tool<SaveTextArgs, SaveTextResult>
{
    public override string Name => "save_text";
    public override string Description => "Writes text to a file.";

    public override async Task<SaveTextResult> InvokeAsync(SaveTextArgs arguments, ToolContext context)
    {
        var output = context.Paths.CheckWrite(arguments.Output, "output");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, arguments.Text, context.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(context.WorkDirectory, $".scratch-{Guid.NewGuid():N}.tmp"), "x");
        if (arguments.Hang)
        {
            Hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        return new SaveTextResult(output);
    }

    /// <summary>Completes when a hanging call has written its output (the moment a test interrupts it).</summary>
    public static TaskCompletionSource Hanging { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class ReadTextArgs
{
    [Description("The file to read.")]
    public required string Input { get; init; }
}

public sealed record ReadTextResult(string Text);

/// <summary>Reads a file through the call's read policy.</summary>
public sealed class ReadTextTool : Tool<ReadTextArgs, ReadTextResult>
{
    public override string Name => "read_text";
    public override string Description => "Reads a file.";

    public override async Task<ReadTextResult> InvokeAsync(ReadTextArgs arguments, ToolContext context) =>
        new(await File.ReadAllTextAsync(context.Paths.CheckRead(arguments.Input, "input"), context.CancellationToken));
}
