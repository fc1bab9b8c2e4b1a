using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class WavReaderBadInputTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => new WavReader(_media.PathOf("nope.wav")));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_folder_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => new WavReader(_media.Root));
        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public void Garbage_is_not_a_wav()
    {
        var path = _media.PathOf("garbage.wav");
        File.WriteAllBytes(path, MediaTestFolder.Noise(300, 3).Select(f => (byte)(f * 100 + 100)).ToArray());
        var error = Assert.Throws<MediaException>(() => new WavReader(path));
        Assert.Contains("not a WAV file", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void A_zero_byte_file_is_not_a_wav()
    {
        var path = _media.PathOf("empty.wav");
        File.WriteAllBytes(path, []);
        Assert.Throws<MediaException>(() => new WavReader(path));
    }

    [Fact]
    public void A_header_cut_before_the_data_chunk_is_truncated()
    {
        var path = _media.PathOf("cut.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), new float[100]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(FmtStart(bytes) + 10)]);
        var error = Assert.Throws<MediaException>(() => new WavReader(path));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Data_cut_short_reads_the_whole_frames_that_are_there()
    {
        var path = _media.PathOf("short.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 2), MediaTestFolder.Noise(2000, 4));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(DataStart(bytes) + 4 * 300 + 3)]); // 300 frames and 3 stray bytes

        using var reader = new WavReader(path);
        Assert.Equal(300, reader.FrameCount);
        var buffer = new float[4000];
        Assert.Equal(300, reader.Read(buffer));
        Assert.Equal(0, reader.Read(buffer));
    }

    [Fact]
    public void A_huge_format_chunk_size_is_reported_not_allocated()
    {
        var path = _media.PathOf("bad-fmt.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), new float[10]);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(0x7FFFFFF0u).CopyTo(bytes, FmtStart(bytes) - 4);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<MediaException>(() => new WavReader(path));
        Assert.Contains("malformed", error.Message);
    }

    [Theory]
    [InlineData(1, 8)]   // 8-bit PCM
    [InlineData(3, 64)]  // 64-bit float
    [InlineData(6, 8)]   // A-law
    public void Unsupported_sample_formats_say_how_to_convert(int tag, int bits)
    {
        var path = _media.PathOf($"fmt-{tag}-{bits}.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), new float[10]);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes((ushort)tag).CopyTo(bytes, FmtStart(bytes));
        BitConverter.GetBytes((ushort)bits).CopyTo(bytes, FmtStart(bytes) + 14);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<MediaException>(() => new WavReader(path));
        Assert.Contains("ffmpeg", error.Hint);
    }

    [Fact]
    public void More_than_eight_channels_is_refused_by_reader_and_writer()
    {
        var path = _media.PathOf("nine.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), new float[10]);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes((ushort)9).CopyTo(bytes, FmtStart(bytes) + 2);
        File.WriteAllBytes(path, bytes);
        Assert.Throws<MediaException>(() => new WavReader(path));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(_media.PathOf("nine-out.wav"), new AudioFormat(8000, 9)));
    }

    /// <summary>Where the format chunk's fields start (the writer may put other chunks, e.g. JUNK for RF64, before it).</summary>
    private static int FmtStart(byte[] wav) => wav.AsSpan().IndexOf("fmt "u8) + 8;

    private static int DataStart(byte[] wav) => wav.AsSpan().IndexOf("data"u8) + 8;

    public void Dispose() => _media.Dispose();
}
