using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Mixing;

/// <summary>
/// Turns a decoded music WAV into a bed of exactly the video's length: looped with a short equal-power crossfade at
/// each seam (no gap, no click), cut to the frame, with a fade in at the start and a fade out at the end.
/// Streams in blocks: memory stays flat whatever the lengths.
/// </summary>
public sealed class MusicBedWriter
{
    private const int BlockFrames = 8192;

    public double FadeSeconds { get; init; } = 1.0;

    public double SeamCrossfadeSeconds { get; init; } = 0.05;

    /// <summary>Writes <paramref name="frames"/> frames to <paramref name="outputPath"/>; returns how many times the music started.</summary>
    public int Write(string musicWavPath, string outputPath, long frames, CancellationToken cancellationToken)
    {
        using var head = new WavReader(musicWavPath);
        using var tail = new WavReader(musicWavPath);
        var format = head.Format;
        var channels = format.Channels;
        var length = head.FrameCount;
        if (length == 0) throw new ArgumentException("The music has no samples.", nameof(musicWavPath));

        // The crossfade is at most a quarter of the music, so very short loops still sound like themselves.
        var seam = length > frames ? 0 : (long)Math.Min(SeamCrossfadeSeconds * format.SampleRate, length / 4);
        var period = length - seam;
        var fade = (long)Math.Min(FadeSeconds * format.SampleRate, frames / 2);

        using var writer = new WavWriter(outputPath, new AudioFormat(format.SampleRate, channels, SampleEncoding.Float32));
        var block = new float[BlockFrames * channels];
        var overlap = new float[BlockFrames * channels];
        var starts = 0;
        long written = 0;
        while (written < frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loop = written / period;
            var position = written % period;
            if (position == 0)
            {
                starts++;
                head.Seek(0);
            }
            // Stay inside one loop and, at a seam, inside the crossfade, so each block has one rule.
            var inSeam = loop > 0 && position < seam;
            var limit = inSeam ? seam - position : period - position;
            var count = (int)Math.Min(Math.Min(BlockFrames, limit), frames - written);
            ReadExactly(head, block, count);
            if (inSeam)
            {
                // The previous loop's tail keeps playing under the new head, fading out as the head fades in.
                tail.Seek(period + position);
                ReadExactly(tail, overlap, count);
                for (var f = 0; f < count; f++)
                {
                    var x = (position + f + 0.5) / seam;
                    var gainIn = Math.Sin(x * Math.PI / 2);
                    var gainOut = Math.Cos(x * Math.PI / 2);
                    for (var c = 0; c < channels; c++)
                    {
                        var i = f * channels + c;
                        block[i] = (float)(block[i] * gainIn + overlap[i] * gainOut);
                    }
                }
            }
            ApplyFades(block, count, channels, written, frames, fade);
            writer.Write(block.AsSpan(0, count * channels));
            written += count;
        }
        writer.Commit();
        return starts;
    }

    private static void ApplyFades(float[] block, int count, int channels, long start, long total, long fade)
    {
        if (fade <= 0) return;
        for (var f = 0; f < count; f++)
        {
            var t = start + f;
            double gain = 1;
            if (t < fade) gain = (double)t / fade;
            var fromEnd = total - 1 - t;
            if (fromEnd < fade) gain = Math.Min(gain, (double)fromEnd / fade);
            if (gain >= 1) continue;
            for (var c = 0; c < channels; c++) block[f * channels + c] *= (float)gain;
        }
    }

    private static void ReadExactly(WavReader reader, float[] buffer, int frames)
    {
        var channels = reader.Format.Channels;
        var done = 0;
        while (done < frames)
        {
            var got = reader.Read(buffer.AsSpan(done * channels, (frames - done) * channels));
            if (got == 0)
            {
                Array.Clear(buffer, done * channels, (frames - done) * channels);
                return;
            }
            done += got;
        }
    }
}
