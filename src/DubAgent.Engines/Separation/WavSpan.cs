using DubAgent.Core.Media;

namespace DubAgent.Engines.Separation;

/// <summary>Reads any span of frames of a WAV, zeros where it runs past either end (window and block readers need both edges).</summary>
public static class WavSpan
{
    /// <summary>Fills <paramref name="interleaved"/> (whole frames) with the frames from <paramref name="start"/> on.</summary>
    public static void Read(WavReader reader, long start, float[] interleaved)
    {
        var channels = reader.Format.Channels;
        var frames = interleaved.Length / channels;
        Array.Clear(interleaved);
        var from = Math.Max(0, start);
        var to = Math.Min(reader.FrameCount, start + frames);
        if (to <= from) return;
        reader.Seek(from);
        var offset = (int)(from - start);
        var wanted = (int)(to - from);
        var got = 0;
        while (got < wanted)
        {
            var n = reader.Read(interleaved.AsSpan((offset + got) * channels, (wanted - got) * channels));
            if (n == 0) break;
            got += n;
        }
    }
}
