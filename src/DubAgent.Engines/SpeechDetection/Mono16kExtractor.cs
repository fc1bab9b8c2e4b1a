using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Speech engines want 16 kHz mono 16-bit PCM: decodes any audio or video to that (a WAV that already is one is used as is).
/// </summary>
public static class Mono16kExtractor
{
    public const int SampleRate = 16_000;

    /// <returns>The path of a 16 kHz mono PCM WAV and the input's duration in seconds.</returns>
    public static async Task<(string Path, double Duration)> PrepareAsync(IMediaToolkit media, string inputPath, string workDirectory,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (Path.GetExtension(inputPath).Equals(".wav", StringComparison.OrdinalIgnoreCase) && IsMono16k(media, inputPath, out var seconds))
            return (inputPath, seconds);
        Directory.CreateDirectory(workDirectory);
        var output = Path.Combine(workDirectory, $"{Path.GetFileNameWithoutExtension(inputPath)}.16k.wav");
        await media.ExtractAudioAsync(inputPath, output, SampleRate, 1, SampleEncoding.Pcm16, progress, cancellationToken).ConfigureAwait(false);
        using var reader = media.OpenWav(output);
        return (output, reader.Duration);
    }

    private static bool IsMono16k(IMediaToolkit media, string path, out double duration)
    {
        duration = 0;
        try
        {
            using var reader = media.OpenWav(path);
            duration = reader.Duration;
            return reader.Format is { SampleRate: SampleRate, Channels: 1, Encoding: SampleEncoding.Pcm16 };
        }
        catch (Exception e) when (e is Abstractions.Errors.MediaException or IOException)
        {
            return false; // not a WAV we read directly: let ffmpeg decode it
        }
    }
}
