using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// The samples of one speech span of a 16 kHz mono reader, read forward in chunks that keep only what the current
/// frame still needs (a span may be minutes of monologue; memory stays flat).
/// </summary>
public sealed class SpanSamples(IAudioReader reader, SpeechRegion span)
{
    private const int Chunk = 16_000 * 10;
    private readonly long _first = (long)(span.Start * reader.Format.SampleRate);
    private float[] _buffer = [];
    private long _bufferStart = -1;

    public int Length { get; } = (int)Math.Max(0,
        Math.Min(reader.FrameCount, (long)(span.End * reader.Format.SampleRate)) - (long)(span.Start * reader.Format.SampleRate));

    /// <summary>Copies samples [offset, offset + destination.Length) of the span; past its end, zeros.</summary>
    public void Copy(long offset, Span<float> destination)
    {
        if (_bufferStart < 0 || offset < _bufferStart || offset + destination.Length > _bufferStart + _buffer.Length)
        {
            var count = (int)Math.Max(0, Math.Min(Chunk + destination.Length, Length - offset));
            if (_buffer.Length != count) _buffer = new float[count];
            reader.Seek(_first + offset);
            var read = reader.Read(_buffer);
            _buffer.AsSpan(read).Clear();
            _bufferStart = offset;
        }
        var available = (int)Math.Max(0, Math.Min(destination.Length, _bufferStart + _buffer.Length - offset));
        _buffer.AsSpan((int)(offset - _bufferStart), available).CopyTo(destination);
        destination[available..].Clear();
    }
}
