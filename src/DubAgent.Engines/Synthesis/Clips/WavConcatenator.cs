using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis;

/// <summary>Joins WAV pieces of one format into one file, streaming block by block (for texts an engine takes in parts).</summary>
public static class WavConcatenator
{
    public static void Join(IReadOnlyList<string> pieces, string outputPath)
    {
        if (pieces.Count == 0) throw new ArgumentException("nothing to join", nameof(pieces));
        using var first = new WavReader(pieces[0]);
        var format = first.Format;
        using var writer = new WavWriter(outputPath, format);
        var buffer = new float[16384 * format.Channels];
        foreach (var piece in pieces)
        {
            using var reader = new WavReader(piece);
            if (reader.Format.SampleRate != format.SampleRate || reader.Format.Channels != format.Channels)
                throw new MediaException($"'{piece}' is {reader.Format.SampleRate} Hz x{reader.Format.Channels}; the first piece is {format.SampleRate} Hz x{format.Channels}.");
            int read;
            while ((read = reader.Read(buffer)) > 0) writer.Write(buffer.AsSpan(0, read * format.Channels));
        }
        writer.Commit();
    }
}
