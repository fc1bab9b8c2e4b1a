namespace DubAgent.Cli.Demo;

/// <summary>An espeak-ng voice for one demo speaker; pitch and rate set far apart so diarization has a real difference to find.</summary>
/// <param name="Speaker">The speaker label in the ground truth (SPEAKER_00).</param>
/// <param name="Voice">espeak-ng voice with variant (en-us+m3).</param>
/// <param name="Pitch">espeak-ng -p, 0 to 99.</param>
/// <param name="WordsPerMinute">espeak-ng -s.</param>
public sealed record DemoVoice(string Speaker, string Voice, int Pitch, int WordsPerMinute)
{
    /// <summary>A low American male voice, speaking slowly.</summary>
    public static DemoVoice Low { get; } = new("SPEAKER_00", "en-us+m3", 25, 145);

    /// <summary>A high British female voice, speaking faster.</summary>
    public static DemoVoice High { get; } = new("SPEAKER_01", "en-gb+f3", 80, 170);
}
