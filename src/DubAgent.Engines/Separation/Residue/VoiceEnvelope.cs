namespace DubAgent.Engines.Separation.Residue;

/// <summary>
/// The separated voice's band energies held after it stops and raised a little before it starts: each frame takes the
/// largest neighbour energy decayed exponentially with its distance (hold after, lead before). The support is finite
/// (four time constants), so a block with that much margin gets exactly what one pass over the file would.
/// </summary>
public static class VoiceEnvelope
{
    public static int SupportFrames(double holdSeconds, double hopSeconds) => (int)Math.Ceiling(4 * holdSeconds / hopSeconds);

    public static float[] Hold(float[] energies, int bands, double hopSeconds, double holdSeconds, double leadSeconds)
    {
        var frames = energies.Length / bands;
        var after = Decays(hopSeconds, holdSeconds);
        var before = Decays(hopSeconds, leadSeconds);
        var result = new float[energies.Length];
        for (var t = 0; t < frames; t++)
        for (var b = 0; b < bands; b++)
        {
            var best = energies[t * bands + b];
            for (var d = 1; d < after.Length && t - d >= 0; d++) best = Math.Max(best, after[d] * energies[(t - d) * bands + b]);
            for (var d = 1; d < before.Length && t + d < frames; d++) best = Math.Max(best, before[d] * energies[(t + d) * bands + b]);
            result[t * bands + b] = best;
        }
        return result;
    }

    /// <summary>exp(-d·hop/τ) for d = 0 .. 4τ/hop: energy decays that way.</summary>
    private static float[] Decays(double hopSeconds, double seconds)
    {
        var count = Math.Max(1, SupportFrames(seconds, hopSeconds) + 1);
        var result = new float[count];
        for (var d = 0; d < count; d++) result[d] = seconds <= 0 ? (d == 0 ? 1 : 0) : (float)Math.Exp(-d * hopSeconds / seconds);
        return result;
    }
}
