namespace DubAgent.Engines.Separation.Mdx;

/// <summary>
/// The spectrogram an MDX-Net model was trained on, from UVR's model data: an STFT of <see cref="FftSize"/> samples
/// every <see cref="Hop"/> samples at 44.1 kHz (Hann window, centred frames), of which the network sees the lowest
/// <see cref="Bins"/> bins of <see cref="Frames"/> frames, as a [batch, 4, bins, frames] tensor (left real, left
/// imaginary, right real, right imaginary). Its output, scaled by <see cref="Compensation"/>, is one stem.
/// </summary>
public sealed record MdxLayout(int FftSize, int Hop, int Bins, int Frames, double Compensation)
{
    public const int SampleRate = 44100;
    public const int Channels = 2;

    /// <summary>UVR silences the lowest bins before the network (below about 17 Hz); the models were tuned that way.</summary>
    public const int SilencedLowBins = 3;

    /// <summary>Samples one network window covers: exactly <see cref="Frames"/> centred frames.</summary>
    public int WindowSamples => Hop * (Frames - 1);

    /// <summary>
    /// Samples at each window edge never kept: every frame that reaches the reflection padding touches them (UVR trims
    /// only half this; the kink where the padding meets the signal leaks into every bin, about -70 dB after the model).
    /// </summary>
    public int EdgeSamples => FftSize;

    /// <summary>Floats of one network input or output: 4 x bins x frames.</summary>
    public int TensorLength => 4 * Bins * Frames;
}
