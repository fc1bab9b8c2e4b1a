using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Separation;

/// <summary>
/// Writes the mixture minus a stem (the background as the source minus the vocals), sample for sample and block by
/// block, so the two stems add up to the source exactly, whatever rate the stem was estimated at. The stem must have
/// the source's rate and channels; a stem a few frames shorter (resampling rounds) counts as silence there.
/// </summary>
public static class DifferenceStem
{
    private const int BlockFrames = 1 << 15;

    public static void Write(string mixtureWav, string stemWav, string outputPath, SampleEncoding encoding, CancellationToken cancellationToken)
    {
        using var mixture = new WavReader(mixtureWav);
        using var stem = new WavReader(stemWav);
        var format = mixture.Format;
        if (stem.Format.SampleRate != format.SampleRate || stem.Format.Channels != format.Channels)
            throw new ArgumentException($"'{stemWav}' ({stem.Format.SampleRate} Hz, {stem.Format.Channels} ch) does not match '{mixtureWav}' ({format.SampleRate} Hz, {format.Channels} ch).");
        var a = new float[BlockFrames * format.Channels];
        var b = new float[BlockFrames * format.Channels];
        using var writer = new WavWriter(outputPath, format with { Encoding = encoding });
        int read;
        while ((read = mixture.Read(a)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var samples = read * format.Channels;
            var got = 0;
            while (got < samples)
            {
                var n = stem.Read(b.AsSpan(got, samples - got)) * format.Channels;
                if (n == 0) break;
                got += n;
            }
            b.AsSpan(got, samples - got).Clear();
            for (var i = 0; i < samples; i++) a[i] -= b[i];
            writer.Write(a.AsSpan(0, samples));
        }
        writer.Commit();
    }
}
