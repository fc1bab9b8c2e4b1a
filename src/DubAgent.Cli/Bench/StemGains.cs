using DubAgent.Core.Media;

namespace DubAgent.Cli.Bench;

/// <summary>
/// How loud each of two known stems (the demo's truth vocals and background) is inside a finished soundtrack: the
/// least-squares gains g, h minimizing |mix - g·vocals - h·background|² over every sample of every channel, in dB.
/// 0 dB is the stem's original level; the dub voice, unrelated to either, does not bias them.
/// </summary>
public static class StemGains
{
    public static (double VocalsDb, double BackgroundDb) Measure(string mixWav, string vocalsWav, string backgroundWav)
    {
        var (mixFormat, mix) = WavReader.ReadAll(mixWav);
        var (vocalsFormat, vocals) = WavReader.ReadAll(vocalsWav);
        var (_, background) = WavReader.ReadAll(backgroundWav);
        if (mixFormat.SampleRate != vocalsFormat.SampleRate || mixFormat.Channels != vocalsFormat.Channels)
            throw new ArgumentException($"'{mixWav}' must have the truth stems' rate and channels ({vocalsFormat.SampleRate} Hz, {vocalsFormat.Channels} ch).");
        double vv = 0, bb = 0, vb = 0, mv = 0, mb = 0;
        var n = Math.Min(mix.Length, Math.Min(vocals.Length, background.Length));
        for (var i = 0; i < n; i++)
        {
            double v = vocals[i], b = background[i], m = mix[i];
            vv += v * v;
            bb += b * b;
            vb += v * b;
            mv += m * v;
            mb += m * b;
        }
        var determinant = vv * bb - vb * vb;
        var g = (mv * bb - mb * vb) / determinant;
        var h = (mb * vv - mv * vb) / determinant;
        return (Db(g), Db(h));
    }

    private static double Db(double gain) => 20 * Math.Log10(Math.Max(Math.Abs(gain), 1e-10));
}
