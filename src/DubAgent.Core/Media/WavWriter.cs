using System.Buffers.Binary;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>
/// Streams a WAV file to a temporary name beside the target; <see cref="Commit"/> fixes the header and renames it.
/// Disposed without Commit, the temporary file is removed.
/// </summary>
public sealed class WavWriter : IAudioWriter
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private bool _committed;

    public WavWriter(string path, AudioFormat format)
    {
        if (format.Channels is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(format), "1 to 8 channels");
        _path = Path.GetFullPath(path);
        Format = format;
        _temporaryPath = AtomicFile.TemporaryPathFor(_path);
        _stream = AtomicFile.CreateNew(_temporaryPath, _path);
        WriteHeader(0);
    }

    public AudioFormat Format { get; }

    public long FramesWritten { get; private set; }

    public void Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var bytesPerSample = Format.BytesPerSample;
        var samplesPerBuffer = _buffer.Length / bytesPerSample / Format.Channels * Format.Channels;
        for (var start = 0; start < interleaved.Length; start += samplesPerBuffer)
        {
            var block = interleaved.Slice(start, Math.Min(samplesPerBuffer, interleaved.Length - start));
            // The same scale as WavReader (2^15, 2^23): a sample read and written back keeps its exact value.
            for (var i = 0; i < block.Length; i++)
            {
                var v = float.IsNaN(block[i]) ? 0f : Math.Clamp(block[i], -1f, 1f);
                var offset = i * bytesPerSample;
                switch (Format.Encoding)
                {
                    case SampleEncoding.Pcm16:
                        BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(offset), (short)Math.Min(32767f, MathF.Round(v * 32768f)));
                        break;
                    case SampleEncoding.Pcm24:
                        var s24 = (int)Math.Min(8388607.0, Math.Round(v * 8388608.0));
                        _buffer[offset] = (byte)s24;
                        _buffer[offset + 1] = (byte)(s24 >> 8);
                        _buffer[offset + 2] = (byte)(s24 >> 16);
                        break;
                    default:
                        BinaryPrimitives.WriteSingleLittleEndian(_buffer.AsSpan(offset), v);
                        break;
                }
            }
            _stream.Write(_buffer, 0, block.Length * bytesPerSample);
        }
        FramesWritten += interleaved.Length / Format.Channels;
    }

    public void Commit()
    {
        if (_committed) return;
        WriteHeader(FramesWritten * Format.BlockAlign);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        AtomicFile.MoveIntoPlace(_temporaryPath, _path);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        _stream.Dispose();
        try { File.Delete(_temporaryPath); } catch (IOException) { }
        _committed = true;
    }

    /// <summary>Writes a whole interleaved buffer as a WAV file (for clips and tests).</summary>
    public static void WriteAll(string path, AudioFormat format, ReadOnlySpan<float> interleaved)
    {
        using var writer = new WavWriter(path, format);
        writer.Write(interleaved);
        writer.Commit();
    }

    private void WriteHeader(long dataBytes)
    {
        var isFloat = Format.Encoding == SampleEncoding.Float32;
        Span<byte> h = stackalloc byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)Math.Min(uint.MaxValue, 36 + dataBytes));
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], (ushort)(isFloat ? 3 : 1));
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)Format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], Format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..], Format.SampleRate * Format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)Format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)(Format.BytesPerSample * 8));
        "data"u8.CopyTo(h[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], (uint)Math.Min(uint.MaxValue, dataBytes));
        var position = _stream.Position;
        _stream.Position = 0;
        _stream.Write(h);
        _stream.Position = Math.Max(position, 44);
    }
}
