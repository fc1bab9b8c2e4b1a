namespace DubAgent.Core.Dsp;

/// <summary>
/// Frame size and hop for a sample rate: about 46 ms frames (a power of two, so 2048 at 44.1/48 kHz, 512 at 8 kHz)
/// and a quarter-frame hop. Fine enough in frequency to resolve voice harmonics (about 21 Hz bins at 44.1 kHz).
/// </summary>
public sealed record StftLayout(int SampleRate, int FftSize, int Hop)
{
    public int Bins => FftSize / 2 + 1;

    public double BinHz => (double)SampleRate / FftSize;

    public double HopSeconds => (double)Hop / SampleRate;

    public static StftLayout For(int sampleRate, double frameSeconds = 0.046, int hopDivisor = 4)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate));
        var target = Math.Max(64, frameSeconds * sampleRate);
        var fft = 1 << (int)Math.Round(Math.Log2(target));
        return new StftLayout(sampleRate, fft, fft / hopDivisor);
    }

    /// <summary>Frames needed so that every sample of a signal of <paramref name="length"/> samples lies in a frame.</summary>
    public int FrameCount(int length) => length <= FftSize ? 1 : (length - FftSize + Hop - 1) / Hop + 1;
}
