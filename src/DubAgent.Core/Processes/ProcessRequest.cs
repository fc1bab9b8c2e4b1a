namespace DubAgent.Core.Processes;

/// <summary>One run of an external program: arguments as an array (never a shell string).</summary>
public sealed record ProcessRequest(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>Killed (with its children) after this long; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>Written to the program's stdin, then stdin is closed.</summary>
    public string? StandardInput { get; init; }

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Called for each stdout line as it arrives (stdout is still collected, up to <see cref="MaxStdoutChars"/>).</summary>
    public Action<string>? OnStdoutLine { get; init; }

    public Action<string>? OnStderrLine { get; init; }

    /// <summary>How many of the last stderr lines to keep for error messages.</summary>
    public int StderrTailLines { get; init; } = 25;

    public int MaxStdoutChars { get; init; } = 64 * 1024 * 1024;

    public override string ToString() => $"{Program} {string.Join(' ', Arguments.Select(Quote))}";

    private static string Quote(string a) => a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./:=,+@%".Contains(c)) ? a : $"'{a.Replace("'", "'\\''")}'";
}
