namespace DubAgent.Engines.Mixing;

/// <summary>ffmpeg's default channel layout names by channel count (what aformat and amix need to agree on).</summary>
internal static class ChannelLayouts
{
    public static string For(int channels) => channels switch
    {
        1 => "mono",
        2 => "stereo",
        3 => "2.1",
        4 => "quad",
        5 => "5.0",
        6 => "5.1",
        7 => "6.1",
        8 => "7.1",
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 to 8 channels"),
    };
}
