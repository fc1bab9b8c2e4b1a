using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis;

/// <summary>One fitted clip on the track: where it starts and at most how many frames of it to use.</summary>
public sealed record PlacedClip(string Path, long StartFrame, long MaxFrames);

/// <summary>
/// Writes the dialogue track block by block in time order: silence, then each clip's samples at its frame.
/// Only the clips under the current block are open, so memory stays flat however long the track is; clips of lines
/// that overlapped in the original are summed. The track has exactly <c>totalFrames</c> frames.
/// </summary>
public static class TrackAssembler
{
    private const int BlockFrames = 16384;

    public static void Write(string outputPath, int sampleRate, long totalFrames, IReadOnlyList<PlacedClip> clips,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var ordered = clips.Where(c => c.MaxFrames > 0 && c.StartFrame < totalFrames).OrderBy(c => c.StartFrame).ToList();
        var active = new List<(PlacedClip Clip, WavReader Reader, long End)>();
        var block = new float[BlockFrames];
        var scratch = new float[BlockFrames];
        var next = 0;
        using var writer = new WavWriter(outputPath, new AudioFormat(sampleRate, 1));
        try
        {
            for (long position = 0; position < totalFrames; position += BlockFrames)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frames = (int)Math.Min(BlockFrames, totalFrames - position);
                Array.Clear(block, 0, frames);
                while (next < ordered.Count && ordered[next].StartFrame < position + frames)
                {
                    var clip = ordered[next++];
                    var reader = new WavReader(clip.Path);
                    if (reader.Format.SampleRate != sampleRate || reader.Format.Channels != 1)
                    {
                        reader.Dispose();
                        throw new MediaException($"The fitted clip '{clip.Path}' is {reader.Format.SampleRate} Hz, {reader.Format.Channels} channels; the track is {sampleRate} Hz mono.",
                            "Delete the job's .cache/synthesize folder and run again.");
                    }
                    active.Add((clip, reader, clip.StartFrame + Math.Min(clip.MaxFrames, reader.FrameCount)));
                }
                for (var a = active.Count - 1; a >= 0; a--)
                {
                    var (clip, reader, end) = active[a];
                    var from = Math.Max(position, clip.StartFrame);
                    var to = Math.Min(position + frames, end);
                    if (to > from)
                    {
                        var count = (int)(to - from);
                        var got = reader.Read(scratch.AsSpan(0, count));
                        var offset = (int)(from - position);
                        for (var i = 0; i < got; i++) block[offset + i] += scratch[i];
                    }
                    if (end <= position + frames)
                    {
                        reader.Dispose();
                        active.RemoveAt(a);
                    }
                }
                writer.Write(block.AsSpan(0, frames));
                if ((position / BlockFrames) % 64 == 0) progress?.Report(ProgressUpdate.Of(position, totalFrames, "assembling the dialogue track"));
            }
            writer.Commit();
        }
        finally
        {
            foreach (var (_, reader, _) in active) reader.Dispose();
        }
    }
}
