using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Dsp;

/// <summary>
/// Reads a WAV in blocks with margins (see <see cref="AudioBlock"/>) so that work on a film needs only one block
/// in memory. Block length and margin are rounded to whole hops, so STFT frames of every block fall on one grid.
/// </summary>
public sealed class OverlappingBlocks
{
    private readonly IAudioReader _reader;

    public OverlappingBlocks(IAudioReader reader, int blockSamples, int marginSamples, int hop)
    {
        _reader = reader;
        BlockSamples = Math.Max(hop, blockSamples / hop * hop);
        MarginSamples = (marginSamples + hop - 1) / hop * hop;
    }

    public int BlockSamples { get; }

    public int MarginSamples { get; }

    public int BlockCount => (int)((_reader.FrameCount + BlockSamples - 1) / BlockSamples);

    public IEnumerable<AudioBlock> Read()
    {
        var channels = _reader.Format.Channels;
        var total = _reader.FrameCount;
        for (long start = 0; start < total; start += BlockSamples)
        {
            var length = (int)Math.Min(BlockSamples, total - start);
            var frames = MarginSamples + length + MarginSamples;
            var buffer = new float[frames * channels];
            var readFrom = Math.Max(0, start - MarginSamples);
            var readTo = Math.Min(total, start + length + MarginSamples);
            var offset = (int)(readFrom - (start - MarginSamples));
            _reader.Seek(readFrom);
            var wanted = (int)(readTo - readFrom);
            var got = 0;
            while (got < wanted)
            {
                var n = _reader.Read(buffer.AsSpan((offset + got) * channels, (wanted - got) * channels));
                if (n == 0) break;
                got += n;
            }
            yield return new AudioBlock(start, length, MarginSamples, channels, buffer);
        }
    }
}
