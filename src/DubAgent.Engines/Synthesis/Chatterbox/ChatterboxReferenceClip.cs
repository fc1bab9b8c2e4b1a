using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// The one reference clip the server clones from: the samples converted to 24 kHz mono WAV (the model's rate) and
/// joined with a short pause, cut at 30 s, the top of the 10-30 s of clear speech the project's docs recommend (and far
/// below the upload's 10 MB limit).
/// </summary>
public static class ChatterboxReferenceClip
{
    public const int SampleRate = 24000;
    public const double MaxSeconds = 30;
    private const double PauseSeconds = 0.25;

    /// <summary>Writes the clip to <paramref name="folder"/>/reference.wav and returns its path and length.</summary>
    public static async Task<(string Path, double Seconds)> JoinAsync(IMediaToolkit media, IReadOnlyList<string> samples, string folder, CancellationToken cancellationToken)
    {
        var converted = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            var wav = Path.Combine(folder, $"sample-{i}.wav");
            await media.ExtractAudioAsync(samples[i], wav, SampleRate, 1, SampleEncoding.Pcm16, null, cancellationToken).ConfigureAwait(false);
            converted.Add(wav);
        }
        var output = Path.Combine(folder, "reference.wav");
        var limit = (long)(MaxSeconds * SampleRate);
        long frames;
        using (var writer = new WavWriter(output, new AudioFormat(SampleRate, 1)))
        {
            var buffer = new float[16384];
            foreach (var wav in converted)
            {
                if (writer.FramesWritten >= limit) break;
                if (writer.FramesWritten > 0) writer.Write(new float[Math.Min((int)(PauseSeconds * SampleRate), (int)(limit - writer.FramesWritten))]);
                using var reader = new WavReader(wav);
                int read;
                while (writer.FramesWritten < limit && (read = reader.Read(buffer)) > 0)
                    writer.Write(buffer.AsSpan(0, (int)Math.Min(read, limit - writer.FramesWritten)));
            }
            if (writer.FramesWritten == 0)
                throw new InputException("The samples hold no audio to clone from.", "Give recordings with at least a few seconds of the person talking.");
            frames = writer.FramesWritten;
            writer.Commit();
        }
        return (output, (double)frames / SampleRate);
    }
}
