namespace DubAgent.Core.Dsp;

/// <summary>A real-valued time-frequency array (magnitudes, powers or masks), frame-major: Data[frame * Bins + bin].</summary>
public sealed class Spectrogram
{
    public Spectrogram(int frames, int bins)
    {
        Frames = frames;
        Bins = bins;
        Data = new float[(long)frames * bins];
    }

    public int Frames { get; }

    public int Bins { get; }

    public float[] Data { get; }

    public Span<float> Frame(int frame) => Data.AsSpan(frame * Bins, Bins);

    public float this[int frame, int bin]
    {
        get => Data[frame * Bins + bin];
        set => Data[frame * Bins + bin] = value;
    }

    public Spectrogram Clone()
    {
        var copy = new Spectrogram(Frames, Bins);
        Data.CopyTo(copy.Data, 0);
        return copy;
    }
}
