namespace DubAgent.Core.Dsp;

/// <summary>
/// The complex spectra of a run of frames, packed as MathNet's real FFT leaves them
/// (re0, im0, re1, im1, ... for bins 0..N/2), one row of N+2 floats per frame.
/// </summary>
public sealed class StftFrames
{
    public StftFrames(StftLayout layout, int frames)
    {
        Layout = layout;
        Frames = frames;
        RowLength = layout.FftSize + 2;
        Data = new float[(long)frames * RowLength];
    }

    public StftLayout Layout { get; }

    public int Frames { get; }

    public int RowLength { get; }

    public float[] Data { get; }

    public Span<float> Row(int frame) => Data.AsSpan(frame * RowLength, RowLength);

    /// <summary>Magnitudes of every bin, frame-major (frame * Bins + bin).</summary>
    public Spectrogram Magnitudes()
    {
        var bins = Layout.Bins;
        var result = new Spectrogram(Frames, bins);
        for (var t = 0; t < Frames; t++)
        {
            var row = Row(t);
            var m = result.Frame(t);
            for (var k = 0; k < bins; k++)
            {
                var re = row[2 * k];
                var im = row[2 * k + 1];
                m[k] = MathF.Sqrt(re * re + im * im);
            }
        }
        return result;
    }

    /// <summary>A new set of frames: this one with every bin scaled by a real gain (a soft mask).</summary>
    public StftFrames Masked(Spectrogram mask)
    {
        var result = new StftFrames(Layout, Frames);
        var bins = Layout.Bins;
        for (var t = 0; t < Frames; t++)
        {
            var src = Row(t);
            var dst = result.Row(t);
            var g = mask.Frame(t);
            for (var k = 0; k < bins; k++)
            {
                dst[2 * k] = src[2 * k] * g[k];
                dst[2 * k + 1] = src[2 * k + 1] * g[k];
            }
        }
        return result;
    }

    /// <summary>Adds <paramref name="other"/> scaled by <paramref name="gain"/> (linear, so spectra of channels can be mixed).</summary>
    public void Add(StftFrames other, float gain)
    {
        var a = Data;
        var b = other.Data;
        for (var i = 0; i < a.Length; i++) a[i] += gain * b[i];
    }
}
