namespace DubAgent.Engines.Separation.Dsp;

/// <summary>
/// Which channels carry the dialogue. Mono: the one channel. Stereo: both, with the mask built from the centre
/// (mid = (L+R)/2) and lowered where the side (L-R)/2 is strong, since dialogue is mixed to the centre.
/// 5.1 and 7.1 (ffmpeg order FL FR FC LFE ...): dialogue is the centre channel FC, the third; the mask is built from it
/// and applied to it alone, and every other channel goes whole to the background. Other layouts: all channels, mask
/// from their average.
/// </summary>
public sealed record DialogueLayout(int Channels, IReadOnlyList<int> DialogueChannels, bool UseSide, string Description)
{
    public const int CentreChannel = 2;

    public static DialogueLayout For(int channels) => channels switch
    {
        1 => new(1, [0], false, "mono: the one channel"),
        2 => new(2, [0, 1], true, "stereo: mask from the centre (L+R)/2, lowered where (L-R)/2 is strong"),
        6 => new(6, [CentreChannel], false, "5.1: dialogue from the centre channel (FC); the other five go to the background"),
        8 => new(8, [CentreChannel], false, "7.1: dialogue from the centre channel (FC); the other seven go to the background"),
        _ => new(channels, Enumerable.Range(0, channels).ToArray(), false, $"{channels} channels: mask from their average"),
    };

    public bool IsDialogue(int channel) => DialogueChannels.Contains(channel);
}
