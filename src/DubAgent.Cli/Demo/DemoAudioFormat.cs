using DubAgent.Abstractions.Media;

namespace DubAgent.Cli.Demo;

/// <summary>
/// The demo's one audio layout: 48 kHz stereo, 32-bit float. Float keeps the truth exact: mix.wav is sample for
/// sample vocals.wav + background.wav, with no rounding between the stems and the mix.
/// </summary>
public static class DemoAudioFormat
{
    public const int SampleRate = 48_000;
    public const int Channels = 2;
    public const double DurationSeconds = 60.0;

    public static AudioFormat Format { get; } = new(SampleRate, Channels, SampleEncoding.Float32);

    public static long TotalFrames => (long)(DurationSeconds * SampleRate);
}
