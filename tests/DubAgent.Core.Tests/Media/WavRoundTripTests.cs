using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class WavRoundTripTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    public static TheoryData<SampleEncoding, int> Layouts()
    {
        var data = new TheoryData<SampleEncoding, int>();
        foreach (var encoding in Enum.GetValues<SampleEncoding>())
            foreach (var channels in new[] { 1, 2, 3, 6, 8 })
                data.Add(encoding, channels);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Written_blocks_read_back_within_the_encoding_precision(SampleEncoding encoding, int channels)
    {
        var format = new AudioFormat(44100, channels, encoding);
        var frames = 10_007;
        var samples = MediaTestFolder.Noise(frames * channels, seed: channels);
        var path = _media.PathOf($"rt-{encoding}-{channels}.wav");

        // Uneven blocks, larger and smaller than the writer's buffer.
        using (var writer = new WavWriter(path, format))
        {
            var offset = 0;
            foreach (var blockFrames in new[] { 1, 999, 40_000, 3 }.Concat(Enumerable.Repeat(2048, 20)))
            {
                var count = Math.Min(blockFrames * channels, samples.Length - offset);
                if (count <= 0) break;
                writer.Write(samples.AsSpan(offset, count));
                offset += count;
            }
            Assert.Equal(frames, writer.FramesWritten);
            writer.Commit();
        }

        using var reader = new WavReader(path);
        Assert.Equal(format, reader.Format);
        Assert.Equal(frames, reader.FrameCount);
        var read = new float[samples.Length];
        var block = new float[1000 * channels];
        var position = 0;
        int got;
        while ((got = reader.Read(block)) > 0)
        {
            block.AsSpan(0, got * channels).CopyTo(read.AsSpan(position));
            position += got * channels;
        }
        Assert.Equal(samples.Length, position);
        var tolerance = encoding switch { SampleEncoding.Pcm16 => 0.5 / 32768 + 1e-7, SampleEncoding.Pcm24 => 0.5 / 8388608 + 1e-7, _ => 0 };
        for (var i = 0; i < samples.Length; i++) Assert.True(Math.Abs(samples[i] - read[i]) <= tolerance, $"sample {i}: {samples[i]} != {read[i]}");
    }

    [Theory]
    [InlineData(SampleEncoding.Pcm16, "pcm_s16le")]
    [InlineData(SampleEncoding.Pcm24, "pcm_s24le")]
    [InlineData(SampleEncoding.Float32, "pcm_f32le")]
    public async Task Ffmpeg_reads_what_the_writer_wrote(SampleEncoding encoding, string codec)
    {
        var path = _media.PathOf($"for-ffprobe-{codec}.wav");
        WavWriter.WriteAll(path, new AudioFormat(24000, 3, encoding), MediaTestFolder.Noise(24000 * 3, 1));

        var info = await _media.Probe.ProbeAsync(path, CancellationToken.None);

        Assert.Equal(codec, info.FirstAudio!.Codec);
        Assert.Equal(24000, info.FirstAudio.SampleRate);
        Assert.Equal(3, info.FirstAudio.Channels);
        Assert.Equal(1.0, info.Duration, 3);
    }

    [Fact]
    public void Seek_moves_to_a_frame()
    {
        var path = _media.PathOf("seek.wav");
        var ramp = Enumerable.Range(0, 2000).Select(i => i / 4000f).ToArray(); // 1000 stereo frames, value = index / 4000
        WavWriter.WriteAll(path, new AudioFormat(8000, 2, SampleEncoding.Float32), ramp);

        using var reader = new WavReader(path);
        reader.Seek(700);
        var frame = new float[2];
        Assert.Equal(1, reader.Read(frame));
        Assert.Equal(1400 / 4000f, frame[0]);
        Assert.Equal(1401 / 4000f, frame[1]);
        reader.Seek(5000); // past the end: clamped
        Assert.Equal(0, reader.Read(frame));
        reader.Seek(0);
        Assert.Equal(1, reader.Read(frame));
        Assert.Equal(0f, frame[0]);
    }

    [Fact]
    public void Values_outside_minus_one_to_one_are_clipped_and_nan_is_silence()
    {
        var path = _media.PathOf("clip.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 1, SampleEncoding.Pcm16), [2f, -3f, float.NaN, 0.5f]);
        var (_, samples) = WavReader.ReadAll(path);
        Assert.Equal(32767 / 32768f, samples[0]);
        Assert.Equal(-1f, samples[1]);
        Assert.Equal(0f, samples[2]);
        Assert.Equal(0.5f, samples[3], 3);
    }

    [Fact]
    public void Integer_samples_survive_a_read_and_write_unchanged()
    {
        var path = _media.PathOf("ints.wav");
        var values = new[] { -32768, -12345, -1, 0, 1, 4096, 32767 }.Select(v => v / 32768f).ToArray();
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), values);
        var (_, first) = WavReader.ReadAll(path);
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), first);
        var (_, second) = WavReader.ReadAll(path);
        Assert.Equal(values, first);
        Assert.Equal(values, second);
    }

    [Fact]
    public void A_writer_disposed_without_commit_leaves_nothing()
    {
        var path = _media.PathOf("abandoned.wav");
        using (var writer = new WavWriter(path, new AudioFormat(8000, 1)))
        {
            writer.Write(new float[800]);
        }
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_media.Root));
    }

    [Fact]
    public void Until_commit_the_target_keeps_its_old_content()
    {
        var path = _media.PathOf("replace.wav");
        WavWriter.WriteAll(path, new AudioFormat(8000, 1), new float[100]);
        using var writer = new WavWriter(path, new AudioFormat(8000, 1));
        writer.Write(new float[500]);
        using (var old = new WavReader(path)) Assert.Equal(100, old.FrameCount);
        writer.Commit();
        using var fresh = new WavReader(path);
        Assert.Equal(500, fresh.FrameCount);
    }

    [Fact]
    public void Wave_format_extensible_files_from_ffmpeg_are_read()
    {
        // A hand-made WAVE_FORMAT_EXTENSIBLE header (what ffmpeg writes for more than two channels) with float samples.
        var path = _media.PathOf("extensible.wav");
        using (var s = File.Create(path))
        using (var w = new BinaryWriter(s))
        {
            w.Write("RIFF"u8); w.Write(4 + 8 + 40 + 8 + 8); w.Write("WAVE"u8);
            w.Write("fmt "u8); w.Write(40);
            w.Write((ushort)0xFFFE); w.Write((ushort)1); w.Write(8000); w.Write(32000); w.Write((ushort)4); w.Write((ushort)32);
            w.Write((ushort)22); w.Write((ushort)32); w.Write(4);
            w.Write(new Guid("00000003-0000-0010-8000-00aa00389b71").ToByteArray()); // subformat: KSDATAFORMAT_SUBTYPE_IEEE_FLOAT
            w.Write("data"u8); w.Write(8); w.Write(0.25f); w.Write(-0.5f);
        }
        var (format, samples) = WavReader.ReadAll(path);
        Assert.Equal(new AudioFormat(8000, 1, SampleEncoding.Float32), format);
        Assert.Equal([0.25f, -0.5f], samples);
    }

    [Fact]
    public async Task Wave_format_extensible_written_by_ffmpeg_is_read()
    {
        // ffmpeg writes WAVE_FORMAT_EXTENSIBLE for more than two channels.
        var path = await _media.SineWavAsync("six.wav", 48000, 6, "pcm_s24le");
        var (format, samples) = WavReader.ReadAll(path);
        Assert.Equal(new AudioFormat(48000, 6, SampleEncoding.Pcm24), format);
        Assert.Equal(48000 * 6, samples.Length);
        Assert.InRange(samples.Max(), 0.12, 0.13); // the sine's amplitude is 1/8
    }

    public void Dispose() => _media.Dispose();
}
