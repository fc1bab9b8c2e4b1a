using System.Globalization;
using DubAgent.Core.Media;

namespace DubAgent.Cli.Demo;

/// <summary>
/// Synthesizes a stereo sound with ffmpeg's aevalsrc from one expression per channel: no recordings are needed and
/// the result is the same on every machine (aevalsrc's random() starts from a fixed state).
/// </summary>
public sealed class ExpressionSynth(Ffmpeg ffmpeg)
{
    public async Task<float[]> RenderAsync(string left, string right, double seconds, string outputWav, CancellationToken cancellationToken)
    {
        var duration = seconds.ToString("0.######", CultureInfo.InvariantCulture);
        // The quotes protect the expressions' commas from ffmpeg's filtergraph parser (no shell is involved).
        var source = $"aevalsrc=exprs='{left}|{right}':s={DemoAudioFormat.SampleRate}:d={duration}";
        await AtomicFile.WriteAsync(outputWav, temporary => ffmpeg.RunAsync(
            ["-f", "lavfi", "-i", source, "-c:a", "pcm_f32le", "-f", "wav", temporary], seconds, null, "synthesize demo sound",
            cancellationToken)).ConfigureAwait(false);
        var (_, samples) = WavReader.ReadAll(outputWav);
        return samples;
    }
}
