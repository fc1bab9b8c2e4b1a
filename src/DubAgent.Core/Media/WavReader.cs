using System.Buffers.Binary;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>Streams a RIFF/WAVE file (PCM 16/24-bit or 32-bit float, 1 to 8 channels) in blocks.</summary>
public sealed class WavReader : IAudioReader
{
    private const int FormatPcm = 1;
    private const int FormatFloat = 3;
    private const int FormatExtensible = 0xFFFE;

    private readonly Stream _stream;
    private readonly long _dataStart;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _framePosition;

    public WavReader(string path) : this(OpenFile(path), path) { }

    public WavReader(Stream stream, string name = "stream")
    {
        _stream = stream;
        try
        {
            (Format, _dataStart, FrameCount) = ReadHeader(stream, name);
        }
        catch
        {
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
        var framesRead = 0;
        var bytesPerSample = Format.BytesPerSample;
        while (framesRead < framesWanted)
        {
            var frames = Math.Min(framesWanted - framesRead, _buffer.Length / Format.BlockAlign);
            var bytes = frames * Format.BlockAlign;
            var got = ReadFully(_buffer.AsSpan(0, bytes));
            frames = got / Format.BlockAlign;
            if (frames == 0) break;
            var samples = frames * channels;
            var target = interleaved.Slice(framesRead * channels, samples);
            for (var i = 0; i < samples; i++)
            {
                var offset = i * bytesPerSample;
                target[i] = Format.Encoding switch
                {
                    SampleEncoding.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(_buffer.AsSpan(offset)) / 32768f,
                    SampleEncoding.Pcm24 => ((_buffer[offset] | (_buffer[offset + 1] << 8) | ((sbyte)_buffer[offset + 2] << 16))) / 8388608f,
                    _ => BinaryPrimitives.ReadSingleLittleEndian(_buffer.AsSpan(offset)),
                };
            }
            framesRead += frames;
            _framePosition += frames;
        }
        return framesRead;
    }

    public void Seek(long frame)
    {
        _framePosition = Math.Clamp(frame, 0, FrameCount);
        _stream.Position = _dataStart + _framePosition * Format.BlockAlign;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Reads a whole (short) file into one interleaved array; for clips and tests, never for a film.</summary>
    public static (AudioFormat Format, float[] Samples) ReadAll(string path)
    {
        using var reader = new WavReader(path);
        var samples = new float[checked((int)(reader.FrameCount * reader.Format.Channels))];
        var read = reader.Read(samples);
        return (reader.Format, read * reader.Format.Channels == samples.Length ? samples : samples[..(read * reader.Format.Channels)]);
    }

    private int ReadFully(Span<byte> target)
    {
        var total = 0;
        while (total < target.Length)
        {
            var n = _stream.Read(target[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static Stream OpenFile(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"'{path}' is a folder, not a WAV file.", "Give the path of a .wav file.");
        if (!File.Exists(path)) throw new InputException($"The file '{path}' does not exist.", "Check the path.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    private static (AudioFormat, long, long) ReadHeader(Stream s, string name)
    {
        Span<byte> head = stackalloc byte[12];
        if (ReadExactly(s, head) < 12 || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
            throw new MediaException($"'{name}' is not a WAV file (no RIFF/WAVE header).", "Convert it with `dubagent call analyze_media` or ffmpeg first.");

        AudioFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (ReadExactly(s, chunk) == 8)
        {
            var id = System.Text.Encoding.ASCII.GetString(chunk[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (id == "fmt ")
            {
                // A real format chunk is 16 to 40 bytes; a huge size means garbage, not a reason to allocate gigabytes.
                if (size is < 16 or > 1024) throw new MediaException($"'{name}' has a malformed WAV format chunk ({size} bytes).",
                    "Re-create the file with ffmpeg; it is damaged.");
                var fmt = new byte[size];
                if (ReadExactly(s, fmt) < size) break;
                format = ParseFormat(fmt, name);
                if (size % 2 == 1) s.ReadByte();
            }
            else if (id == "data")
            {
                if (format is null) throw new MediaException($"'{name}' has its data before its format chunk.");
                var dataStart = s.Position;
                var available = s.CanSeek ? s.Length - dataStart : long.MaxValue;
                var bytes = size == uint.MaxValue || size > available ? available : size;
                return (format, dataStart, bytes / format.BlockAlign);
            }
            else
            {
                if (!s.CanSeek) throw new MediaException($"'{name}': cannot skip chunk '{id}' on an unseekable stream.");
                s.Seek(size + (size % 2), SeekOrigin.Current);
            }
        }
        throw new MediaException($"'{name}' is a truncated WAV file (no data chunk).", "Re-create it; it was probably cut off while being written.");
    }

    private static AudioFormat ParseFormat(ReadOnlySpan<byte> fmt, string name)
    {
        if (fmt.Length < 16) throw new MediaException($"'{name}' has a malformed WAV format chunk.");
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible && fmt.Length >= 26) tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        var encoding = (tag, bits) switch
        {
            (FormatPcm, 16) => SampleEncoding.Pcm16,
            (FormatPcm, 24) => SampleEncoding.Pcm24,
            (FormatFloat, 32) => SampleEncoding.Float32,
            _ => throw new MediaException($"'{name}' uses WAV format {tag} with {bits}-bit samples, which DubAgent does not read.",
                "Convert it to 16/24-bit PCM or 32-bit float WAV with ffmpeg."),
        };
        if (channels is < 1 or > 8) throw new MediaException($"'{name}' has {channels} channels; DubAgent reads 1 to 8.");
        if (rate <= 0) throw new MediaException($"'{name}' has an invalid sample rate {rate}.");
        return new AudioFormat(rate, channels, encoding);
    }

    private static int ReadExactly(Stream s, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = s.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
