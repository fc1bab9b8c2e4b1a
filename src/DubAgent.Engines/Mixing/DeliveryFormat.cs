namespace DubAgent.Engines.Mixing;

/// <summary>
/// The rate and channels the dub is delivered in (export's AAC track): mono or stereo, at an AAC rate of at most 48 kHz.
/// The mix renders in this format from the start, so its limiter holds the peaks of what is delivered: limited 5.1 and
/// 96 kHz mixes came out of the AAC encoder well over the ceiling (+1.6 and -0.1 dBTP measured on exported files).
/// </summary>
public sealed record DeliveryFormat(int SampleRate, int Channels)
{
    public const int MaxSampleRate = 48000;

    /// <summary>The sampling rates of AAC's table up to 48 kHz; other rates would be resampled by the encoder.</summary>
    private static readonly int[] AacRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

    /// <summary>The source's rate when AAC keeps it, else the next AAC rate up (48 kHz at most); more than two channels become stereo.</summary>
    public static DeliveryFormat For(int sourceRate, int sourceChannels) =>
        new(AacRates.FirstOrDefault(r => r >= sourceRate, MaxSampleRate), Math.Clamp(sourceChannels, 1, 2));
}
