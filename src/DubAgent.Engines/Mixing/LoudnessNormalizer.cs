using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Mixing;

/// <summary>What normalization did and what the result measures.</summary>
public sealed record NormalizationOutcome(LoudnessMeasurement Input, LoudnessMeasurement Output, string Method, double GainDb);

/// <summary>
/// Two-pass EBU R128 normalization: pass one measures the premix with ebur128; pass two applies loudnorm with those
/// measured_* values and linear=true (one exact gain, the dynamics untouched). When that gain would push the true peak
/// over the ceiling, loudnorm would switch itself to its dynamic mode, which misses the target by 1 to 3 LU on speech
/// (measured on the jfk clip); instead the gain is applied with a 4x-oversampled look-ahead limiter and re-measured.
/// </summary>
public sealed class LoudnessNormalizer(IMediaToolkit media)
{
    private const int LimiterPasses = 4;

    public async Task<NormalizationOutcome> NormalizeAsync(string inputPath, string outputPath, LoudnessTarget target,
        int sampleRate, int channels, double durationSeconds, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var input = await media.MeasureLoudnessAsync(inputPath, cancellationToken).ConfigureAwait(false);
        if (double.IsNegativeInfinity(input.TruePeakDbtp) || input.IntegratedLufs <= -69.9)
        {
            // Silence has no loudness to normalize: copy it through untouched.
            await RenderAsync(inputPath, outputPath, ["anull"], sampleRate, channels, durationSeconds, progress, cancellationToken).ConfigureAwait(false);
            return new NormalizationOutcome(input, input, "silence_unchanged", 0);
        }

        var gain = target.IntegratedLufs - input.IntegratedLufs;
        if (input.TruePeakDbtp + gain <= LoudnessTarget.MixCeilingDbtp)
        {
            var loudnorm = "loudnorm=" + string.Join(':',
                $"I={F(target.IntegratedLufs)}", $"TP={F(LoudnessTarget.MixCeilingDbtp)}", "LRA=50",
                $"measured_I={F(input.IntegratedLufs)}", $"measured_TP={F(input.TruePeakDbtp)}",
                $"measured_LRA={F(input.LoudnessRangeLu)}", $"measured_thresh={F(input.ThresholdLufs)}", "linear=true");
            await RenderAsync(inputPath, outputPath, [loudnorm], sampleRate, channels, durationSeconds, progress, cancellationToken).ConfigureAwait(false);
            var output = await media.MeasureLoudnessAsync(outputPath, cancellationToken).ConfigureAwait(false);
            // loudnorm quietly turns dynamic when its own checks refuse linear mode: only a verified result counts.
            if (Math.Abs(output.IntegratedLufs - target.IntegratedLufs) <= 0.5 && output.TruePeakDbtp <= LoudnessTarget.MixCeilingDbtp + 0.2)
                return new NormalizationOutcome(input, output, "loudnorm_linear", gain);
        }

        LoudnessMeasurement? result = null;
        var limit = LoudnessTarget.MixCeilingDbtp;
        for (var pass = 0; pass < LimiterPasses; pass++)
        {
            await RenderAsync(inputPath, outputPath, Limited(gain, limit, sampleRate), sampleRate, channels, durationSeconds, progress, cancellationToken)
                .ConfigureAwait(false);
            result = await media.MeasureLoudnessAsync(outputPath, cancellationToken).ConfigureAwait(false);
            var miss = target.IntegratedLufs - result.IntegratedLufs;
            var overshoot = result.TruePeakDbtp - LoudnessTarget.MixCeilingDbtp;
            if (Math.Abs(miss) <= 0.2 && overshoot <= 0) break;
            // Limiting took some loudness off the peaks: ask for that much more gain. Resampling back down can ring
            // over the ceiling on sharp transients: lower the limit by the overshoot. Each pass renders from the premix.
            gain += miss;
            if (overshoot > 0) limit -= overshoot + 0.1;
        }
        return new NormalizationOutcome(input, result!, "gain_and_limiter", gain);
    }

    private static IReadOnlyList<string> Limited(double gainDb, double limitDb, int sampleRate) =>
    [
        $"volume={F(gainDb)}dB",
        // Limiting at 4x the rate catches the inter-sample (true) peaks that a limiter at the base rate lets through.
        $"aresample={4 * sampleRate}:resampler=soxr",
        $"alimiter=limit={F(Math.Pow(10, limitDb / 20))}:attack=1:release=50:level=false:latency=true",
    ];

    private async Task RenderAsync(string inputPath, string outputPath, IReadOnlyList<string> filters, int sampleRate, int channels,
        double durationSeconds, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        // loudnorm and the limiter run above the base rate; bring the result back to the source's rate and layout.
        var chain = filters.Concat([$"aresample={sampleRate}:resampler=soxr",
            $"aformat=sample_fmts=s32:sample_rates={sampleRate}:channel_layouts={ChannelLayouts.For(channels)}"]);
        await AtomicFile.WriteAsync(outputPath, temporary => media.RunFfmpegAsync(
            ["-i", inputPath, "-af", string.Join(',', chain), "-c:a", "pcm_s24le", "-f", "wav", temporary],
            durationSeconds, progress, "normalize loudness", cancellationToken)).ConfigureAwait(false);
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
