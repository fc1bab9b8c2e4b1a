using DubAgent.Abstractions.Media;
using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Export;

/// <summary>What the encoded dub track measures, the gain export applied to get there, and how many encodes it took.</summary>
public sealed record PeakHold(LoudnessMeasurement Final, double FirstTruePeakDbtp, double GainDb, int Encodes)
{
    public bool WithinCeiling => Final.TruePeakDbtp <= LoudnessTarget.PromisedCeilingDbtp;

    /// <summary>Says when the encoder's peaks cost gain, and warns when even that did not hold them under the ceiling.</summary>
    public IEnumerable<string> NotesFor(string file)
    {
        if (Encodes > 1)
            yield return $"{file}: AAC encoding raised the true peak of the dub to {FirstTruePeakDbtp:0.0} dBTP; encoded again " +
                         $"{-GainDb:0.0} dB lower ({Final.TruePeakDbtp:0.0} dBTP, {Final.IntegratedLufs:0.0} LUFS).";
        if (!WithinCeiling)
            yield return $"Warning: {file} peaks at {Final.TruePeakDbtp:0.0} dBTP, over the {LoudnessTarget.PromisedCeilingDbtp} dBTP " +
                         $"ceiling after {Encodes} encodes; mix it with a lower loudness target.";
    }
}

/// <summary>
/// The AAC encoder can push a limited mix's true peak over the promised ceiling (its coding noise rides on the peaks).
/// Measures the dub track as encoded; while it is over, encodes again with the gain lowered by its excess over the mix's
/// own ceiling plus a margin, at most twice. The mix's 0.5 dB of headroom usually makes one encode enough.
/// </summary>
public sealed class TruePeakGuard(IMediaToolkit media)
{
    public const int MaxReencodes = 2;

    /// <summary>Below the mix's ceiling, so a second encode does not land just over the promise again.</summary>
    public const double MarginDb = 0.1;

    /// <param name="path">The file <paramref name="encodeWithGain"/> writes; its first audio stream is the dub track.</param>
    /// <param name="encodeWithGain">Encodes the file again with the dub track at this gain (dB).</param>
    public async Task<PeakHold> HoldAsync(string path, Func<double, Task> encodeWithGain, CancellationToken cancellationToken)
    {
        var measured = await media.MeasureLoudnessAsync(path, cancellationToken).ConfigureAwait(false);
        var first = measured.TruePeakDbtp;
        double gain = 0;
        var encodes = 1;
        while (measured.TruePeakDbtp > LoudnessTarget.PromisedCeilingDbtp && encodes <= MaxReencodes)
        {
            gain -= measured.TruePeakDbtp - LoudnessTarget.MixCeilingDbtp + MarginDb;
            await encodeWithGain(gain).ConfigureAwait(false);
            measured = await media.MeasureLoudnessAsync(path, cancellationToken).ConfigureAwait(false);
            encodes++;
        }
        return new PeakHold(measured, first, gain, encodes);
    }
}
