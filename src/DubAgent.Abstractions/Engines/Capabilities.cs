namespace DubAgent.Abstractions.Engines;

/// <summary>The names of the capabilities engines provide; a tool with a capability takes an `engine` argument.</summary>
public static class Capabilities
{
    public const string Separate = "separate";
    public const string Transcribe = "transcribe";
    public const string Diarize = "diarize";
    public const string Translate = "translate";
    public const string Synthesize = "synthesize";

    public static IReadOnlyList<string> All { get; } = [Separate, Transcribe, Diarize, Translate, Synthesize];
}
