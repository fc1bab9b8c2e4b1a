using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

/// <summary>Every bad input of the foundation issue gets a clear error that names the input (or, for odd paths, works).</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public async Task A_missing_file()
    {
        var path = _media.PathOf("missing.mp4");
        var error = await Assert.ThrowsAsync<InputException>(() => _media.Probe.ProbeAsync(path, CancellationToken.None));
        Assert.Contains("missing.mp4", error.Message);
        Assert.Contains("does not exist", error.Message);
        await Assert.ThrowsAsync<InputException>(() => Extract(path));
    }

    [Fact]
    public async Task A_directory()
    {
        var folder = Directory.CreateDirectory(_media.PathOf("folder.mp4")).FullName;
        var error = await Assert.ThrowsAsync<InputException>(() => Extract(folder));
        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public async Task A_text_file_named_mp4()
    {
        var path = _media.PathOf("notes.mp4");
        File.WriteAllText(path, "These are my notes, not a video.\n");
        var error = await Assert.ThrowsAsync<MediaException>(() => Extract(path));
        Assert.Contains("notes.mp4", error.Message);
        Assert.Contains("not a media file", error.Message);
        Assert.Contains("Invalid data", error.StderrTail);
        Assert.Empty(Directory.GetFiles(_media.Root, "*.wav"));
    }

    [Fact]
    public async Task A_zero_byte_file()
    {
        var path = _media.PathOf("empty.mp4");
        File.WriteAllBytes(path, []);
        var error = await Assert.ThrowsAsync<InputException>(() => Extract(path));
        Assert.Contains("empty (0 bytes)", error.Message);
    }

    [Fact]
    public async Task A_video_with_no_audio_stream()
    {
        var path = await _media.VideoWithoutAudioAsync();
        var error = await Assert.ThrowsAsync<InputException>(() => Extract(path));
        Assert.Contains("has no audio stream", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task A_path_with_spaces_and_non_ascii_letters_works()
    {
        var video = await _media.VideoWithAudioAsync(Path.Combine("my vídeos ñ", "película de verano 日本 'quoted'.mp4"));
        var wav = _media.PathOf(Path.Combine("salida ü", "voz principal é.wav"));
        var muxed = _media.PathOf(Path.Combine("salida ü", "doblado — final.mp4"));

        var info = await _media.Probe.ProbeAsync(video, CancellationToken.None);
        await Extract(video, wav);
        await _media.Muxer.MuxAsync(video, [new AudioTrack(wav, "es")], muxed, null, CancellationToken.None);

        Assert.NotNull(info.FirstAudio);
        using (var reader = new WavReader(wav)) Assert.True(reader.FrameCount > 0);
        Assert.Equal("spa", (await _media.Probe.ProbeAsync(muxed, CancellationToken.None)).FirstAudio!.Language);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written()
    {
        // Tests run as root, which ignores permission bits; a folder under a regular file cannot exist for anyone.
        var file = _media.PathOf("file.txt");
        File.WriteAllText(file, "a user's file");
        var video = await _media.VideoWithAudioAsync();
        var output = Path.Combine(file, "out", "audio.wav");

        var error = await Assert.ThrowsAsync<InputException>(() => Extract(video, output));
        Assert.Contains("audio.wav", error.Message);
        Assert.Contains("write", error.Hint);
        Assert.Equal("a user's file", File.ReadAllText(file));

        Assert.Throws<InputException>(() => new WavWriter(output, new AudioFormat(8000, 1)));
        Assert.Throws<InputException>(() => InputFiles.RequireWritableDirectory(Path.Combine(file, "out")));
    }

    [Fact]
    public void Output_path_that_is_an_existing_file_is_not_a_folder()
    {
        var file = _media.PathOf("taken");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<InputException>(() => InputFiles.RequireWritableDirectory(file));
        Assert.Contains("is a file", error.Message);
    }

    [Fact]
    public async Task Out_of_range_layouts_are_input_errors()
    {
        var video = await _media.VideoWithAudioAsync();
        await Assert.ThrowsAsync<InputException>(() =>
            _media.Extractor.ExtractAsync(video, _media.PathOf("x.wav"), 0, 1, SampleEncoding.Pcm16, null, CancellationToken.None));
        await Assert.ThrowsAsync<InputException>(() =>
            _media.Extractor.ExtractAsync(video, _media.PathOf("x.wav"), 16000, 9, SampleEncoding.Pcm16, null, CancellationToken.None));
    }

    [Fact]
    public async Task Ffmpeg_missing_is_engine_unavailable_with_the_install_command()
    {
        // As if ffmpeg were not on PATH: the runner is asked for a program that does not exist under that name.
        var probe = new MediaProbe(_media.Runner) { Program = Path.Combine(_media.Root, "no-bin", "ffprobe") };
        var wav = await _media.SineWavAsync("t.wav", 8000, 1);
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => probe.ProbeAsync(wav, CancellationToken.None));
        Assert.Contains("ffprobe", error.Message);
        Assert.Equal("sudo apt-get update && sudo apt-get install -y ffmpeg", error.Hint);
    }

    private Task Extract(string input, string? output = null) =>
        _media.Extractor.ExtractAsync(input, output ?? _media.PathOf("out.wav"), 16000, 1, SampleEncoding.Pcm16, null, CancellationToken.None);

    public void Dispose() => _media.Dispose();
}
