using System.Buffers.Binary;
using DubAgent.Abstractions.Media;
using NAudio.Wave;

namespace DubAgent.Core.Media;

/// <summary>
/// Streams a WAV file to a temporary name beside the target through NAudio's <see cref="WaveFileWriter"/> (which writes
/// the header, and promotes it to RF64 past 4 GB); <see cref="Commit"/> finishes the header and renames the file into
/// place. Disposed without Commit, the temporary file is removed.
/// </summary>
public sealed class WavWriter : IAudioWriter
{
    private const int BlockBytes = 64 * 1024;

    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _file;
    private readonly WaveFileWriter _wave;
    private readonly byte[] _buffer = new byte[BlockBytes];
    private bool _finished;

    public WavWriter(string path, AudioFormat format)
    {
        if (format.Channels is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(format), "1 to 8 channels");
        _path = Path.GetFullPath(path);
        Format = format;
        _temporaryPath = AtomicFile.TemporaryPathFor(_path);
        _file = AtomicFile.CreateNew(_temporaryPath, _path);
        try
        {
            _wave = new WaveFileWriter(_file, WavFormatCheck.ToWaveFormat(format), new WaveFileWriterOptions { EnableRf64 = true });
        }
        catch
        {
            // The header could not be written (a full disk): leave nothing behind.
            _file.Dispose();
            File.Delete(_temporaryPath);
            throw;
        }
    }

    public AudioFormat Format { get; }

    public long FramesWritten { get; private set; }

    public void Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var bytesPerSample = Format.BytesPerSample;
        var samplesPerBuffer = _buffer.Length / bytesPerSample / Format.Channels * Format.Channels;
        for (var start = 0; start < interleaved.Length; start += samplesPerBuffer)
        {
            var block = interleaved.Slice(start, Math.Min(samplesPerBuffer, interleaved.Length - start));
            for (var i = 0; i < block.Length; i++) Encode(block[i], _buffer.AsSpan(i * bytesPerSample));
            _wave.Write(_buffer.AsSpan(0, block.Length * bytesPerSample));
        }
        FramesWritten += interleaved.Length / Format.Channels;
    }

    public void Commit()
    {
        if (_finished) return;
        _wave.Dispose(); // finishes the header and flushes; the file stream stays ours
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        AtomicFile.MoveIntoPlace(_temporaryPath, _path);
        _finished = true;
    }

    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try { _wave.Dispose(); } catch (IOException) { }
        _file.Dispose();
        try { File.Delete(_temporaryPath); } catch (IOException) { }
    }

    /// <summary>Writes a whole interleaved buffer as a WAV file (for clips and tests).</summary>
    public static void WriteAll(string path, AudioFormat format, ReadOnlySpan<float> interleaved)
    {
        using var writer = new WavWriter(path, format);
        writer.Write(interleaved);
        writer.Commit();
    }

    /// <summary>
    /// One sample, clipped to [-1, 1] (NaN is silence), at the scale NAudio's readers use (2^15, 2^23) and rounded, so a
    /// sample read and written back keeps its exact value. NAudio's own float-to-PCM providers scale by 2^15 − 1 and
    /// truncate, which would shrink every sample a little at each re-write.
    /// </summary>
    private void Encode(float sample, Span<byte> target)
    {
        var v = float.IsNaN(sample) ? 0f : Math.Clamp(sample, -1f, 1f);
        switch (Format.Encoding)
        {
            case SampleEncoding.Pcm16:
                BinaryPrimitives.WriteInt16LittleEndian(target, (short)Math.Min(32767f, MathF.Round(v * 32768f)));
                break;
            case SampleEncoding.Pcm24:
                var s24 = (int)Math.Min(8388607.0, Math.Round(v * 8388608.0));
                target[0] = (byte)s24;
                target[1] = (byte)(s24 >> 8);
                target[2] = (byte)(s24 >> 16);
                break;
            default:
                BinaryPrimitives.WriteSingleLittleEndian(target, v);
                break;
        }
    }
}
