using DubAgent.Abstractions.Domain;
using DubAgent.Cli.Bench;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Voices;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Voices;

namespace DubAgent.Cli.Tests.Voices;

/// <summary>
/// The check: pyannote_sample cut in two files, a job on each (diarize, translate, synthesize with the library in
/// remember mode); the second job gives its two speakers the actors and voices the first job stored.
/// </summary>
public sealed class CrossJobCastingTests(DemoFixture demo) : IClassFixture<DemoFixture>, IAsyncDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CliHost _host = new([]);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _temp.Dispose();
    }

    private static string Shared(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DubAgent.sln"))) folder = folder.Parent;
        return Path.GetFullPath(Path.Combine([folder!.FullName, "..", "shared", "data", .. parts]));
    }

    [Fact]
    public async Task The_second_job_on_pyannote_sample_reuses_the_voices_the_first_job_stored_for_its_two_speakers()
    {
        var truth = Rttm.Read(Shared("pyannote_sample", "sample.rttm"));
        var cut = VoicesBench.CutBetweenTurns(truth, 15);
        var library = new SqliteVoiceLibrary(new VoiceLibraryOptions { Directory = _temp["library"] });
        var result = await new CrossJobCasting(_host.Services, library).RunAsync(Shared("pyannote_sample", "sample.wav"), truth, cut, _temp.Path, 2, default);

        var first = result.Casts[0];
        var second = result.Casts[1];
        Assert.Equal(2, first.Count);
        Assert.All(first, c => Assert.Equal("added", c.ActorMatch));
        Assert.Equal(2, second.Count);
        Assert.All(second, c =>
        {
            Assert.Equal("library", c.Source);
            Assert.Equal("matched", c.ActorMatch);
            Assert.True(c.ActorScore >= ActorMatcher.VoiceprintThreshold, $"{c.Speaker}: {c.ActorScore}");
            // The actor's voice from the first job, and the actor is one the first job added.
            Assert.Equal(first.Single(f => f.Actor == c.Actor).Voice, c.Voice);
        });
        Assert.Equal(2, second.Select(c => c.Actor).Distinct().Count());
        var stored = await library.ListAsync(default);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, a => Assert.True(File.Exists(a.Clips.Single().Path)));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "job-2", "synthesize", SpeakerReferences.Folder, "SPEAKER_00.wav")));
    }

    [Fact]
    public async Task On_the_demo_each_true_speaker_keeps_their_main_voice_across_the_two_jobs()
    {
        var media = demo.Media;
        var truth = DiarizationInputs.Demo(new BenchContext
        {
            DemoVideo = media.Video, TruthDirectory = media.TruthDirectory, Services = _host.Services, WorkDirectory = _temp.Path,
        });
        var library = new SqliteVoiceLibrary(new VoiceLibraryOptions { Directory = _temp["library"] });

        var result = await new CrossJobCasting(_host.Services, library)
            .RunAsync(Path.Combine(media.TruthDirectory, "vocals.wav"), truth, VoicesBench.CutBetweenTurns(truth, truth.Max(t => t.End) / 2), _temp.Path, 2, default);

        Assert.Equal((2, 2), result.KeptMainVoice);
        Assert.All(result.Casts[1], c => Assert.Equal("library", c.Source));
    }
}
