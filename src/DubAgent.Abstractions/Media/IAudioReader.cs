namespace DubAgent.Abstractions.Media;

/// <summary>Reads a WAV file block by block as interleaved float samples in [-1, 1]; never loads it whole.</summary>
public interface IAudioReader : IDisposable
{
    AudioFormat Format { get; }

    /// <summary>Total frames (one sample per channel).</summary>
    long FrameCount { get; }

    double Duration => (double)FrameCount / Format.SampleRate;

    /// <summary>Fills <paramref name="interleaved"/> with whole frames; returns the frames read (0 at the end).</summary>
    int Read(Span<float> interleaved);

    /// <summary>Moves to a frame.</summary>
    void Seek(long frame);
}
