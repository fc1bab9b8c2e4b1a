namespace DubAgent.Abstractions.Media;

/// <summary>PCM layout of a WAV file.</summary>
public sealed record AudioFormat(int SampleRate, int Channels, SampleEncoding Encoding = SampleEncoding.Pcm16)
{
    public int BytesPerSample => Encoding switch
    {
        SampleEncoding.Pcm16 => 2,
        SampleEncoding.Pcm24 => 3,
        SampleEncoding.Float32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(Encoding)),
    };

    public int BlockAlign => BytesPerSample * Channels;
}

public enum SampleEncoding { Pcm16, Pcm24, Float32 }
