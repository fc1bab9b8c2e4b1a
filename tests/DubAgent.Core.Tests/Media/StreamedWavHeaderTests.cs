using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

/// <summary>
/// WAVs written by a program that streamed them (a speech server answering as it synthesizes, ffmpeg to a pipe) could
/// not go back to fill in the sizes: the RIFF and data sizes are 0 or 0xFFFFFFFF. The samples are all there; the file is read to its end.
/// </summary>
public sealed class StreamedWavHeaderTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    public void Dispose() => _media.Dispose();

    private string Streamed(uint riffSize, uint dataSize, out float[] samples)
    {
        var path = _media.PathOf($"streamed-{riffSize:x}-{dataSize:x}.wav");
        samples = MediaTestFolder.Noise(1000, 7);
        WavWriter.WriteAll(path, new AudioFormat(16000, 1), samples);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(riffSize).CopyTo(bytes, 4);
        var data = bytes.AsSpan().IndexOf("data"u8);
        BitConverter.GetBytes(dataSize).CopyTo(bytes, data + 4);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(0xFFFFFFFFu, 0xFFFFFFFFu)]
    [InlineData(0u, 0xFFFFFFFFu)]
    [InlineData(0xFFFFFFFFu, 0u)]
    public void The_samples_of_a_streamed_wav_are_read_to_the_end_of_the_file(uint riffSize, uint dataSize)
    {
        var path = Streamed(riffSize, dataSize, out var written);
        var (format, read) = WavReader.ReadAll(path);
        Assert.Equal(16000, format.SampleRate);
        Assert.Equal(written.Length, read.Length);
        Assert.Equal(written[500], read[500], 3);
    }
}
