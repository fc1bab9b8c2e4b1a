using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Separation.Residue;

/// <summary>
/// Third-octave bands over the bins of an STFT (one band below the lowest edge): wide enough that the voice's energy
/// in a band covers the bins its separation missed (between harmonics, below the pitch tracker), narrow enough that
/// a band without voice keeps its music.
/// </summary>
public sealed class ResidueBands
{
    private readonly int[] _bandOfBin;

    public ResidueBands(StftLayout layout, double lowestHz)
    {
        var edges = new List<double> { 0 };
        for (var hz = lowestHz; hz < layout.SampleRate / 2.0; hz *= Math.Pow(2, 1.0 / 3)) edges.Add(hz);
        _bandOfBin = new int[layout.Bins];
        for (var k = 0; k < layout.Bins; k++)
        {
            var hz = k * layout.BinHz;
            var band = 0;
            while (band + 1 < edges.Count && hz >= edges[band + 1]) band++;
            _bandOfBin[k] = band;
        }
        Count = _bandOfBin[^1] + 1;
    }

    public int Count { get; }

    public int BandOf(int bin) => _bandOfBin[bin];

    /// <summary>Each frame's energy per band (frames x bands) of a power spectrogram.</summary>
    public float[] Energies(Spectrogram power)
    {
        var result = new float[power.Frames * Count];
        for (var t = 0; t < power.Frames; t++)
        {
            var frame = power.Frame(t);
            for (var k = 0; k < frame.Length; k++) result[t * Count + _bandOfBin[k]] += frame[k];
        }
        return result;
    }
}
