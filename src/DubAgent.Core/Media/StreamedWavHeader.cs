using System.Buffers.Binary;

namespace DubAgent.Core.Media;

/// <summary>
/// A WAV written by a program that streamed it (a speech server answering while it synthesizes, ffmpeg writing to a
/// pipe) cannot go back to fill in its sizes: the RIFF size is 0 or 0xFFFFFFFF, and so often is the data size. NAudio
/// refuses a RIFF size of 0 and reads a data size of 0 as no samples. For such a file this gives a view of the stream
/// whose header carries the real sizes (the data runs to the end of the file); any other file is left as it is.
/// </summary>
internal static class StreamedWavHeader
{
    private const int MaxHeader = 64 * 1024;

    public static Stream Repaired(Stream stream)
    {
        if (!stream.CanSeek || stream.Length < 44) return stream;
        var start = stream.Position;
        var header = new byte[(int)Math.Min(MaxHeader, stream.Length - start)];
        stream.ReadExactly(header);
        stream.Position = start;
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (!header.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !header.AsSpan(8, 4).SequenceEqual("WAVE"u8) || riffSize is not (0 or uint.MaxValue))
            return stream;
        var length = stream.Length - start;
        if (length - 8 > uint.MaxValue) return stream;
        var data = DataChunk(header);
        if (data < 0) return stream;
        var patched = header.AsSpan(0, data + 8).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(4), (uint)(length - 8));
        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(data + 4));
        var remaining = length - data - 8;
        if (dataSize is 0 or uint.MaxValue || dataSize > remaining) BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(data + 4), (uint)remaining);
        return new PatchedHeaderStream(stream, start, patched);
    }

    /// <summary>The offset of the `data` chunk's id within the header, or -1.</summary>
    private static int DataChunk(byte[] header)
    {
        var at = 12;
        while (at + 8 <= header.Length)
        {
            if (header.AsSpan(at, 4).SequenceEqual("data"u8)) return at;
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(at + 4));
            var next = at + 8L + size + (size & 1);
            if (next > header.Length) return -1;
            at = (int)next;
        }
        return -1;
    }

    /// <summary>The inner stream with its first bytes replaced by a repaired header (read only).</summary>
    private sealed class PatchedHeaderStream(Stream inner, long start, byte[] header) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length - start;

        public override long Position
        {
            get => _position;
            set => _position = Math.Clamp(value, 0, Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = 0;
            if (_position < header.Length)
            {
                read = (int)Math.Min(buffer.Length, header.Length - _position);
                header.AsSpan((int)_position, read).CopyTo(buffer);
                _position += read;
                if (read == buffer.Length) return read;
            }
            inner.Position = start + _position;
            var more = inner.Read(buffer[read..]);
            _position += more;
            return read + more;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
