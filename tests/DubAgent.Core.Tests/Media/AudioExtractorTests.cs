using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class AudioExtractorTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Theory]
    [InlineData(16000, 1, SampleEncoding.Pcm16)]
    [InlineData(48000, 2, SampleEncoding.Float32)]
    [InlineData(22050, 1, SampleEncoding.Pcm24)]
    [InlineData(44100, 6, SampleEncoding.Pcm16)]
    public async Task Extraction_gives_the_asked_layout_and_a_sample_exact_length(int rate, int channels, SampleEncoding encoding)
    {
        var video = await _media.VideoWithAudioAsync(seconds: 2);
        var output = _media.PathOf($"out-{rate}-{channels}-{encoding}.wav");

        var info = await _media.Extractor.ExtractAsync(video, output, rate, channels, encoding, null, CancellationToken.None);

        using var reader = new WavReader(output);
        Assert.Equal(new AudioFormat(rate, channels, encoding), reader.Format);
        Assert.Equal((long)Math.Round(info.FirstAudio!.Duration!.Value * rate), reader.FrameCount);
        Assert.Empty(Directory.GetFiles(_media.Root, "*.partial*"));
    }

    [Fact]
    public async Task Null_rate_and_channels_keep_the_source_layout()
    {
        var source = await _media.SineWavAsync("tone.wav", 32000, 2);
        var output = _media.PathOf("same.wav");
        await _media.Extractor.ExtractAsync(source, output, null, null, SampleEncoding.Pcm16, null, CancellationToken.None);
        using var reader = new WavReader(output);
        Assert.Equal(32000, reader.Format.SampleRate);
        Assert.Equal(2, reader.Format.Channels);
        Assert.Equal(32000, reader.FrameCount);
    }

    [Fact]
    public async Task The_extracted_samples_are_the_source_tone()
    {
        // ffmpeg's sine source has amplitude 1/8: its RMS is 1/(8*sqrt 2).
        var source = await _media.SineWavAsync("tone.wav", 48000, 1, codec: "pcm_f32le");
        var output = _media.PathOf("tone16k.wav");
        await _media.Extractor.ExtractAsync(source, output, 16000, 1, SampleEncoding.Float32, null, CancellationToken.None);
        var (_, samples) = WavReader.ReadAll(output);
        var rms = Math.Sqrt(samples.Skip(1000).Take(10000).Average(s => (double)s * s));
        Assert.Equal(1 / (8 * Math.Sqrt(2)), rms, 3);
    }

    [Fact]
    public async Task The_toolkit_interface_extracts_too()
    {
        IMediaToolkit toolkit = new MediaToolkit(_media.Probe, _media.Extractor, _media.Ffmpeg, _media.Muxer, new LoudnessMeter(_media.Ffmpeg));
        var video = await _media.VideoWithAudioAsync();
        var output = _media.PathOf("toolkit.wav");
        await toolkit.ExtractAudioAsync(video, output, 8000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
        using var reader = toolkit.OpenWav(output);
        Assert.Equal(8000, reader.Format.SampleRate);
    }

    public void Dispose() => _media.Dispose();
}
