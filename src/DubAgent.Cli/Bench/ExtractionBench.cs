using System.Diagnostics;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The extraction row: ffmpeg decoding the demo's AAC track to WAV, in the layouts later stages ask for. Quality is
/// length exactness: the WAV's frame count against the duration ffprobe reports for the audio stream.
/// </summary>
public sealed class ExtractionBench : IBenchStage
{
    public string Stage => "extract";

    public int Order => 10;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var extractor = context.Services.GetRequiredService<AudioExtractor>();
        var rows = new List<BenchRow>();
        foreach (var (rate, channels, encoding, label) in new[]
        {
            (16_000, 1, SampleEncoding.Pcm16, "16 kHz mono s16 (speech engines)"),
            (48_000, 2, SampleEncoding.Float32, "48 kHz stereo f32 (separation, mix)"),
        })
        {
            var output = Path.Combine(context.WorkDirectory, $"extract-{rate}-{channels}.wav");
            var clock = Stopwatch.StartNew();
            var info = await extractor.ExtractAsync(context.DemoVideo, output, rate, channels, encoding, null, context.CancellationToken)
                .ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;

            long frames;
            using (var reader = new WavReader(output)) frames = reader.FrameCount;
            var mediaSeconds = info.FirstAudio?.Duration ?? info.Duration;
            var expected = (long)Math.Round(mediaSeconds * rate);
            var offBy = frames - expected;
            var figures = new Dictionary<string, double>
            {
                ["media_seconds"] = mediaSeconds,
                ["processing_seconds"] = seconds,
                ["length_error_samples"] = offBy,
            };
            var quality = $"length off by {offBy} samples ({offBy * 1000.0 / rate:0.###} ms)";
            var truthMix = Path.Combine(context.TruthDirectory, "mix.wav");
            if (rate == 48_000 && channels == 2 && File.Exists(truthMix))
            {
                // Against the exact soundtrack that was encoded: AAC loss, and any misalignment, lower this.
                var snr = SignalToNoise(truthMix, output);
                figures["snr_vs_truth_mix_db"] = snr;
                quality += $", SNR vs truth mix {snr:0.0} dB";
            }
            rows.Add(new BenchRow(Stage, "ffmpeg", seconds / mediaSeconds, quality, figures, label));
        }
        return rows;
    }

    /// <summary>10·log10(reference energy / difference energy), streamed in blocks over the common length.</summary>
    private static double SignalToNoise(string referencePath, string testPath)
    {
        using var reference = new WavReader(referencePath);
        using var test = new WavReader(testPath);
        var a = new float[48_000 * reference.Format.Channels];
        var b = new float[a.Length];
        double signal = 0, noise = 0;
        while (true)
        {
            var n = Math.Min(reference.Read(a), test.Read(b)) * reference.Format.Channels;
            if (n == 0) break;
            for (var i = 0; i < n; i++)
            {
                signal += (double)a[i] * a[i];
                var d = (double)a[i] - b[i];
                noise += d * d;
            }
        }
        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }
}
