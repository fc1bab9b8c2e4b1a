namespace DubAgent.Abstractions.Errors;

/// <summary>A recipe is invalid or a step failed; names the YAML file, line and column when known.</summary>
public sealed class PipelineException : DubAgentException
{
    public PipelineException(string message, string? file = null, int line = 0, int column = 0, string? hint = null, Exception? inner = null)
        : base(Format(message, file, line, column), hint, inner)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }
    public int Line { get; }
    public int Column { get; }

    public override string Kind => "pipeline";

    private static string Format(string message, string? file, int line, int column) =>
        file is null ? message : line > 0 ? $"{file}:{line}:{column}: {message}" : $"{file}: {message}";
}
