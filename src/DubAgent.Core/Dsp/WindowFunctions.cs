namespace DubAgent.Core.Dsp;

/// <summary>Analysis and synthesis windows.</summary>
public static class WindowFunctions
{
    /// <summary>Periodic Hann window (the DFT-even form: overlap-added at hop n/4 it sums to a constant).</summary>
    public static float[] Hann(int length)
    {
        var w = new float[length];
        for (var i = 0; i < length; i++) w[i] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / length));
        return w;
    }
}
