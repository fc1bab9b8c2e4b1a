using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Tests.Media;

/// <summary>The media layer reads a content once: one ffprobe per content, one ffmpeg decode per content and layout.</summary>
public sealed class DecodeOnceTests : IDisposable
{
    private readonly MediaTestFolder _media = new();
    private readonly Counting _runner = new(new ProcessRunner());

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task The_same_content_is_probed_once_even_under_another_name()
    {
        var probe = new MediaProbe(_runner);
        var video = await _media.VideoWithAudioAsync();
        var copy = _media.PathOf("copy of video.mp4");
        File.Copy(video, copy);

        var first = await probe.ProbeAsync(video, CancellationToken.None);
        var second = await probe.ProbeAsync(copy, CancellationToken.None);

        Assert.Equal(1, _runner.Of("ffprobe"));
        Assert.Equal(Path.GetFullPath(copy), second.Path);
        Assert.Equal(first.Duration, second.Duration);
    }

    [Fact]
    public async Task A_second_decode_to_the_same_layout_copies_the_first_and_a_changed_one_decodes_again()
    {
        var extractor = new AudioExtractor(new Ffmpeg(_runner), new MediaProbe(_runner));
        var video = await _media.VideoWithAudioAsync();
        var first = _media.PathOf("a/speech.16k.wav");
        var second = _media.PathOf("b/speech.16k.wav");

        await extractor.ExtractAsync(video, first, 16000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
        await extractor.ExtractAsync(video, second, 16000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
        Assert.Equal(1, _runner.Of("ffmpeg"));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));

        // Another layout is another decode; a removed earlier WAV is not taken for one.
        await extractor.ExtractAsync(video, _media.PathOf("c/speech.8k.wav"), 8000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
        Assert.Equal(2, _runner.Of("ffmpeg"));
        File.Delete(first);
        File.Delete(second);
        await extractor.ExtractAsync(video, first, 16000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
        Assert.Equal(3, _runner.Of("ffmpeg"));
        Assert.True(File.Exists(first));
        Assert.Empty(Directory.GetFiles(_media.Root, "*.partial*", SearchOption.AllDirectories));
    }

    private sealed class Counting(IProcessRunner inner) : IProcessRunner
    {
        private readonly List<string> _programs = [];

        public int Of(string program)
        {
            lock (_programs) return _programs.Count(p => p == program);
        }

        public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            lock (_programs) _programs.Add(Path.GetFileName(request.Program));
            return inner.RunAsync(request, cancellationToken);
        }
    }
}
