namespace DubAgent.Abstractions.Errors;

/// <summary>ffmpeg or ffprobe could not read or write a media file.</summary>
public sealed class MediaException : DubAgentException
{
    public MediaException(string message, string? hint = null, string? stderrTail = null, Exception? inner = null)
        : base(message, hint, inner)
    {
        StderrTail = stderrTail;
    }

    /// <summary>The last lines the program wrote to stderr, kept for the error message.</summary>
    public string? StderrTail { get; }

    public override string Kind => "media";
}
