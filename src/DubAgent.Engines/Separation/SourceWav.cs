using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Separation;

/// <summary>
/// The source's audio as a WAV DubAgent can stream: the file itself when it already is one, otherwise its first audio
/// stream decoded by ffmpeg at the source's own rate and channel count into the work folder (deleted on dispose).
/// </summary>
public sealed class SourceWav : IDisposable
{
    private readonly bool _temporary;

    private SourceWav(string path, bool temporary)
    {
        Path = path;
        _temporary = temporary;
    }

    public string Path { get; }

    public static async Task<SourceWav> PrepareAsync(IMediaToolkit media, string input, string workDirectory,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (input.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var reader = new WavReader(input);
                return new SourceWav(input, false);
            }
            catch (MediaException)
            {
                // A WAV in a layout WavReader does not read (8-bit, A-law...): decode it like any other file.
            }
        }
        Directory.CreateDirectory(workDirectory);
        var decoded = System.IO.Path.Combine(workDirectory, $".source-{Guid.NewGuid():N}.wav");
        await media.ExtractAudioAsync(input, decoded, null, null, SampleEncoding.Pcm16, progress, cancellationToken).ConfigureAwait(false);
        return new SourceWav(decoded, true);
    }

    public void Dispose()
    {
        if (_temporary && File.Exists(Path)) File.Delete(Path);
    }
}
