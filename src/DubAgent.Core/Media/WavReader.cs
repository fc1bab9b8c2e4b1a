using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using NAudio.Wave;

namespace DubAgent.Core.Media;

/// <summary>
/// Streams a WAV file (PCM 16/24-bit or 32-bit float, plain or WAVE_FORMAT_EXTENSIBLE, RIFF or RF64, 1 to 8 channels)
/// in blocks: NAudio's <see cref="WaveFileReader"/> reads the container and its sample providers turn the samples into
/// floats. This class adds the checks and errors that name the file and the fix.
/// </summary>
public sealed class WavReader : IAudioReader
{
    // However large the caller's span, at most this much of the file is converted per step.
    private const int BlockBytes = 64 * 1024;

    private readonly WaveFileReader _wave;
    private readonly ISampleProvider _samples;
    private long _framePosition;

    public WavReader(string path) : this(OpenFile(path), path) { }

    /// <param name="stream">A seekable stream holding a whole WAV file; disposed with the reader.</param>
    /// <param name="name">How errors name the input.</param>
    public WavReader(Stream stream, string name = "stream")
    {
        try
        {
            _wave = WavFormatCheck.Open(stream, name);
            Format = WavFormatCheck.FormatOf(_wave.WaveFormat, name);
            _samples = _wave.ToSampleProvider();
            FrameCount = _wave.Length / Format.BlockAlign;
        }
        catch
        {
            _wave?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    public AudioFormat Format { get; }

    public long FrameCount { get; }

    public double Duration => (double)FrameCount / Format.SampleRate;

    public int Read(Span<float> interleaved)
    {
        var channels = Format.Channels;
        var framesWanted = (int)Math.Min(interleaved.Length / channels, FrameCount - _framePosition);
        var framesPerBlock = Math.Max(1, BlockBytes / Format.BlockAlign);
        var framesRead = 0;
        while (framesRead < framesWanted)
        {
            var frames = Math.Min(framesWanted - framesRead, framesPerBlock);
            // Whole frames only: FrameCount already leaves out a torn last frame, so the provider never returns part of one.
            var got = _samples.Read(interleaved.Slice(framesRead * channels, frames * channels)) / channels;
            if (got == 0) break;
            framesRead += got;
            _framePosition += got;
        }
        return framesRead;
    }

    public void Seek(long frame)
    {
        _framePosition = Math.Clamp(frame, 0, FrameCount);
        _wave.Position = _framePosition * Format.BlockAlign;
    }

    public void Dispose() => _wave.Dispose();

    /// <summary>Reads a whole (short) file into one interleaved array; for clips and tests, never for a film.</summary>
    public static (AudioFormat Format, float[] Samples) ReadAll(string path)
    {
        using var reader = new WavReader(path);
        var samples = new float[checked((int)(reader.FrameCount * reader.Format.Channels))];
        var read = reader.Read(samples);
        return (reader.Format, read * reader.Format.Channels == samples.Length ? samples : samples[..(read * reader.Format.Channels)]);
    }

    private static Stream OpenFile(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"'{path}' is a folder, not a WAV file.", "Give the path of a .wav file.");
        if (!File.Exists(path)) throw new InputException($"The file '{path}' does not exist.", "Check the path.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }
}
