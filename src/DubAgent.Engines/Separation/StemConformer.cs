using System.Globalization;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Separation;

/// <summary>
/// Brings a stem a model wrote (Demucs and UVR work at 44.1 kHz stereo) back to the source's sample rate and channel
/// count, as 16-bit WAV at its final name (written to a temporary name first).
/// </summary>
public sealed class StemConformer(Ffmpeg ffmpeg)
{
    public async Task ConformAsync(string stemPath, string outputPath, int sampleRate, int channels, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(outputPath, temporary => ffmpeg.RunAsync(
            ["-i", stemPath, "-map", "0:a:0", "-c:a", "pcm_s16le",
             "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), "-ac", channels.ToString(CultureInfo.InvariantCulture),
             "-f", "wav", temporary],
            0, null, $"convert {Path.GetFileName(stemPath)}", cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Sums several stems (e.g. Demucs' bass + other as music) into one, at the source's layout.</summary>
    public async Task SumAsync(IReadOnlyList<string> stemPaths, string outputPath, int sampleRate, int channels, CancellationToken cancellationToken)
    {
        if (stemPaths.Count == 1)
        {
            await ConformAsync(stemPaths[0], outputPath, sampleRate, channels, cancellationToken).ConfigureAwait(false);
            return;
        }
        var arguments = new List<string>();
        foreach (var stem in stemPaths) arguments.AddRange(["-i", stem]);
        var inputs = string.Concat(stemPaths.Select((_, i) => $"[{i}:a]"));
        arguments.AddRange(["-filter_complex", $"{inputs}amix=inputs={stemPaths.Count}:normalize=0[out]", "-map", "[out]", "-c:a", "pcm_s16le",
            "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), "-ac", channels.ToString(CultureInfo.InvariantCulture)]);
        await AtomicFile.WriteAsync(outputPath, temporary => ffmpeg.RunAsync([.. arguments, "-f", "wav", temporary], 0, null,
            $"sum {stemPaths.Count} stems", cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The source's sample rate and channel count from a probe (defaults for a file that reports neither).</summary>
    public static (int SampleRate, int Channels) LayoutOf(MediaInfo info) =>
        (info.FirstAudio?.SampleRate ?? 44100, Math.Clamp(info.FirstAudio?.Channels ?? 2, 1, 8));
}
