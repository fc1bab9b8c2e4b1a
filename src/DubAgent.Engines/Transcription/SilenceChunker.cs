using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Transcription;

/// <summary>One piece of a long recording: its file and where it starts in the original (seconds).</summary>
public sealed record AudioChunk(string Path, double Offset, double Duration);

/// <summary>
/// Cuts a long recording into pieces no longer than a limit, each cut in a pause between speech regions (the
/// longest pause in the last third of the allowed length), so no word is split; times are stitched back by offset.
/// </summary>
public static class SilenceChunker
{
    /// <summary>Cut points (seconds) for a recording of <paramref name="duration"/> with the given speech regions.</summary>
    public static IReadOnlyList<(double Start, double End)> Plan(IReadOnlyList<SpeechRegion> regions, double duration, double maxSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxSeconds, 1);
        var pieces = new List<(double, double)>();
        var start = 0.0;
        while (duration - start > maxSeconds)
        {
            var limit = start + maxSeconds;
            var earliest = start + maxSeconds * 2 / 3;
            var cut = limit;
            var bestGap = 0.0;
            for (var i = 0; i + 1 <= regions.Count; i++)
            {
                var gapStart = i == 0 ? 0 : regions[i - 1].End;
                var gapEnd = regions[i].Start;
                Consider(gapStart, gapEnd);
            }
            if (regions.Count > 0) Consider(regions[^1].End, duration);
            pieces.Add((start, cut));
            start = cut;

            void Consider(double gapStart, double gapEnd)
            {
                var middle = (gapStart + gapEnd) / 2;
                var gap = gapEnd - gapStart;
                if (middle > earliest && middle <= limit && gap > bestGap)
                {
                    bestGap = gap;
                    cut = middle;
                }
            }
        }
        pieces.Add((start, duration));
        return pieces;
    }

    /// <summary>Writes each planned piece as its own WAV (same format), streaming.</summary>
    public static IReadOnlyList<AudioChunk> Write(IMediaToolkit media, string wavPath, IReadOnlyList<(double Start, double End)> plan,
        string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        using var reader = media.OpenWav(wavPath);
        var rate = reader.Format.SampleRate;
        var buffer = new float[rate * reader.Format.Channels];
        var chunks = new List<AudioChunk>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (start, end) = plan[i];
            var path = Path.Combine(directory, $"chunk_{i + 1:D3}.wav");
            var first = (long)Math.Round(start * rate);
            var frames = (long)Math.Round(end * rate) - first;
            reader.Seek(first);
            using (var writer = media.CreateWav(path, reader.Format))
            {
                while (frames > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var want = (int)Math.Min(frames, buffer.Length / reader.Format.Channels);
                    var read = reader.Read(buffer.AsSpan(0, want * reader.Format.Channels));
                    if (read == 0) break;
                    writer.Write(buffer.AsSpan(0, read * reader.Format.Channels));
                    frames -= read;
                }
                writer.Commit();
            }
            chunks.Add(new AudioChunk(path, start, end - start));
        }
        return chunks;
    }
}
