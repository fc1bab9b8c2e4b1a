using System.Globalization;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// A library assignment's `rate` for Chatterbox. The API takes `speed` but ignores it (its docs: "Speed of speech
/// (ignored)"), so the rate is applied to the spoken clip afterwards with ffmpeg's rubberband filter, the one the timing
/// fitter uses: tempo changes, pitch stays. The fitter then fits the clip to its slot as for every engine.
/// </summary>
public static class ChatterboxRate
{
    public const double Min = 0.5;
    public const double Max = 2.0;

    /// <summary>Writes <paramref name="spoken"/> at <paramref name="rate"/> times its pace to <paramref name="outputPath"/> (temporary name, then rename).</summary>
    public static Task ApplyAsync(IMediaToolkit media, string spoken, double rate, string outputPath, CancellationToken cancellationToken)
    {
        if (Math.Abs(rate - 1) < 1e-3)
            return AtomicFile.WriteAsync(outputPath, temporary =>
            {
                File.Copy(spoken, temporary, overwrite: true);
                return Task.CompletedTask;
            });
        var tempo = Math.Clamp(rate, Min, Max);
        double seconds;
        using (var reader = new WavReader(spoken)) seconds = reader.Duration / tempo;
        return AtomicFile.WriteAsync(outputPath, temporary => media.RunFfmpegAsync(
            ["-i", spoken, "-af", $"rubberband=tempo={tempo.ToString("0.######", CultureInfo.InvariantCulture)}", "-c:a", "pcm_s16le", "-f", "wav", temporary],
            seconds, null, "apply the voice's rate to a Chatterbox clip", cancellationToken));
    }
}
