using System.ComponentModel;
using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tests.Tools;

/// <summary>Arguments of <see cref="WriteNumberTool"/>: a small real tool that writes a file and returns a number.</summary>
public sealed class WriteNumberArgs : IEngineArguments
{
    [Description("The text to write into the output file.")]
    public required string Text { get; init; }

    [Description("How many times to repeat the text.")]
    public int Repeat { get; init; } = 1;

    [Description("A scale applied to the returned length.")]
    public double Scale { get; init; } = 1.0;

    [Description("Whether to upper-case the text.")]
    public bool Upper { get; init; }

    [Description("Words appended after the text.")]
    public List<string>? Extra { get; init; }

    [Description("How loud.")]
    public Loudness Level { get; init; } = Loudness.Normal;

    [Description("The separate engine to use.")]
    public string? Engine { get; init; }
}

public enum Loudness { Quiet, Normal, VeryLoud }

public sealed record WriteNumberResult(string OutputPath, double Length, int LineCount, string? Engine);

/// <summary>Writes the text to `out.txt` in its work folder and returns the length (times scale).</summary>
public sealed class WriteNumberTool : Tool<WriteNumberArgs, WriteNumberResult>
{
    public override string Name => "write_number";
    public override string Description => "Writes text to a file and returns its length.";
    public override string? Capability => Capabilities.Separate;

    public override async Task<WriteNumberResult> InvokeAsync(WriteNumberArgs arguments, ToolContext context)
    {
        var text = string.Join('\n', Enumerable.Repeat(arguments.Text, arguments.Repeat));
        if (arguments.Extra is { } extra) text += " " + string.Join(' ', extra);
        if (arguments.Upper) text = text.ToUpperInvariant();
        var path = Path.Combine(context.WorkDirectory, "out.txt");
        await File.WriteAllTextAsync(path, text, context.CancellationToken);
        context.Report.Engine = arguments.Engine ?? "none";
        context.Report.MediaSeconds = 10;
        context.Progress.Report(new ProgressUpdate(1.0, "written"));
        return new WriteNumberResult(path, text.Length * arguments.Scale, arguments.Repeat, arguments.Engine);
    }
}

/// <summary>A separation engine that only exists for schemas and routing; its availability is set by the test.</summary>
public sealed class ProbeEngine(string name, bool available, string version = "1.0") : IEngine
{
    public string Name => name;
    public string Capability => Capabilities.Separate;
    public string Description => $"test engine {name}";
    public int Checks { get; private set; }

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        Checks++;
        return Task.FromResult(available
            ? EngineStatus.Ready(version)
            : EngineStatus.Missing($"{name} is not installed", $"pip install {name}"));
    }

    public override string ToString() => name.ToString(CultureInfo.InvariantCulture);
}
