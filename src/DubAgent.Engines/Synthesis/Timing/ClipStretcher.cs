using System.Globalization;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Turns a raw engine clip into a track-ready clip with ffmpeg: cut to its speech bounds, time-compressed without
/// changing pitch (the rubberband filter) when the fit asks for it, and converted to the track's rate, mono, 16-bit.
/// </summary>
public sealed class ClipStretcher(Ffmpeg ffmpeg)
{
    /// <param name="maxSeconds">Output needed at most (the rest would fall past the track's end): the input is cut to match, so a
    /// five-minute overflow at the end of a film is not compressed in full only to be thrown away.</param>
    public async Task RenderAsync(string rawPath, SpeechBounds.Bounds bounds, double ratio, int sampleRate, string outputPath,
        CancellationToken cancellationToken, double? maxSeconds = null)
    {
        if (maxSeconds is { } limit && limit * ratio < bounds.Seconds)
        {
            var frames = (long)Math.Ceiling((limit * ratio + 0.05) * bounds.SampleRate);
            bounds = bounds with { EndFrame = Math.Min(bounds.EndFrame, bounds.StartFrame + Math.Max(1, frames)) };
        }
        var filters = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"atrim=start_sample={bounds.StartFrame}:end_sample={bounds.EndFrame}"),
            "asetpts=PTS-STARTPTS",
        };
        if (ratio > 1 + 1e-6) filters.Add(string.Create(CultureInfo.InvariantCulture, $"rubberband=tempo={ratio:0.######}"));
        filters.Add(string.Create(CultureInfo.InvariantCulture, $"aresample={sampleRate}"));

        await AtomicFile.WriteAsync(outputPath, temporary => ffmpeg.RunAsync(
            ["-i", rawPath, "-af", string.Join(',', filters), "-ac", "1", "-ar", sampleRate.ToString(CultureInfo.InvariantCulture),
             "-c:a", "pcm_s16le", "-f", "wav", temporary],
            bounds.Seconds / ratio, null, "fit a speech clip to its slot", cancellationToken, TimeSpan.FromMinutes(10))).ConfigureAwait(false);
    }
}
