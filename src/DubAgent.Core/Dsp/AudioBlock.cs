namespace DubAgent.Core.Dsp;

/// <summary>
/// One block of a long file with context on both sides: samples [Start - Margin, Start + Length + Margin), interleaved,
/// zeros where that range runs past either end of the file. Work is done on the whole block; only the central
/// <see cref="Length"/> samples are kept, so blocks join without seams.
/// </summary>
public sealed class AudioBlock(long start, int length, int margin, int channels, float[] interleaved)
{
    /// <summary>First kept sample (frame) in the file.</summary>
    public long Start { get; } = start;

    /// <summary>Kept samples per channel.</summary>
    public int Length { get; } = length;

    public int Margin { get; } = margin;

    public int Channels { get; } = channels;

    /// <summary>(Margin + Length + Margin) frames, interleaved.</summary>
    public float[] Interleaved { get; } = interleaved;

    public int TotalFrames => Interleaved.Length / Channels;

    /// <summary>One channel's samples over the whole block.</summary>
    public float[] Channel(int channel)
    {
        var result = new float[TotalFrames];
        for (var i = 0; i < result.Length; i++) result[i] = Interleaved[i * Channels + channel];
        return result;
    }

    /// <summary>The average of all channels over the whole block.</summary>
    public float[] Downmix()
    {
        var result = new float[TotalFrames];
        var scale = 1f / Channels;
        for (var i = 0; i < result.Length; i++)
        {
            var sum = 0f;
            for (var c = 0; c < Channels; c++) sum += Interleaved[i * Channels + c];
            result[i] = sum * scale;
        }
        return result;
    }
}
