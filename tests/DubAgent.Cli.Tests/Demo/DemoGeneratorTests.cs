using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Media;

namespace DubAgent.Cli.Tests.Demo;

[Collection(DemoCollection.Name)]
public sealed class DemoGeneratorTests(DemoFixture demo)
{
    private DemoMedia Media => demo.Media;

    [Fact]
    public async Task The_video_is_a_minute_of_640x360_h264_with_an_english_aac_track()
    {
        var info = await demo.Probe.ProbeAsync(Media.Video, CancellationToken.None);
        Assert.Equal(60, info.Duration, 1);
        Assert.Equal("h264", info.FirstVideo!.Codec);
        Assert.Equal((640, 360), (info.FirstVideo.Width!.Value, info.FirstVideo.Height!.Value));
        Assert.Equal(25, info.FirstVideo.FrameRate!.Value, 3);
        Assert.Equal("aac", info.FirstAudio!.Codec);
        Assert.Equal(48000, info.FirstAudio.SampleRate);
        Assert.Equal(2, info.FirstAudio.Channels);
        Assert.Equal("eng", info.FirstAudio.Language);
    }

    [Fact]
    public void The_transcript_has_the_dialogue_in_order_with_two_speakers_and_pauses()
    {
        var transcript = ReadTranscript();
        Assert.Equal(2, transcript.NumSpeakers);
        Assert.Equal("en", transcript.Language);
        Assert.Equal(60, transcript.TotalDuration);
        var segments = transcript.Segments;
        Assert.True(segments.Count >= 10);
        Assert.Equal(DemoScript.Lines.Select(l => l.Text), segments.Select(s => s.Text));
        Assert.Equal(DemoScript.Lines.Select(l => l.Voice.Speaker), segments.Select(s => s.Speaker));
        Assert.Equal(["SPEAKER_00", "SPEAKER_01"], segments.Select(s => s.Speaker!).Distinct().Order());
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            Assert.Equal($"seg_{i + 1:D4}", s.Id);
            Assert.Equal(1.0, s.Confidence);
            Assert.InRange(s.Duration, 1.0, 6.0);
            Assert.InRange(s.End, 0, 60);
            if (i > 0) Assert.True(s.Start - segments[i - 1].End >= 0.5, $"no pause before {s.Id}");
        }
    }

    [Fact]
    public void The_mix_is_exactly_vocals_plus_background()
    {
        using var vocals = new WavReader(Media.Vocals);
        using var background = new WavReader(Media.Background);
        using var mix = new WavReader(Media.Mix);
        Assert.Equal(DemoAudioFormat.Format, vocals.Format);
        Assert.Equal(vocals.Format, background.Format);
        Assert.Equal(vocals.Format, mix.Format);
        Assert.Equal(DemoAudioFormat.TotalFrames, vocals.FrameCount);
        Assert.Equal(vocals.FrameCount, background.FrameCount);
        Assert.Equal(vocals.FrameCount, mix.FrameCount);

        var (v, b, m) = (new float[96_000], new float[96_000], new float[96_000]);
        int n;
        while ((n = vocals.Read(v)) > 0)
        {
            Assert.Equal(n, background.Read(b));
            Assert.Equal(n, mix.Read(m));
            for (var i = 0; i < n * 2; i++)
                if (m[i] != v[i] + b[i]) Assert.Fail($"sample {i}: {m[i]} != {v[i]} + {b[i]}");
        }
    }

    [Fact]
    public void Vocals_hold_speech_inside_the_segments_and_silence_outside()
    {
        var (_, vocals) = WavReader.ReadAll(Media.Vocals);
        var segments = ReadTranscript().Segments;
        foreach (var s in segments) Assert.True(Rms(vocals, s.Start, s.End) > 0.02, $"{s.Id} is silent");
        for (var i = 1; i < segments.Count; i++)
            Assert.True(Rms(vocals, segments[i - 1].End + 0.02, segments[i].Start - 0.02) < 0.001, $"speech in the pause before {segments[i].Id}");
        Assert.True(Rms(vocals, 0, segments[0].Start - 0.02) < 0.001);
    }

    [Fact]
    public void The_two_voices_have_clearly_different_pitch()
    {
        var (_, vocals) = WavReader.ReadAll(Media.Vocals);
        var bySpeaker = ReadTranscript().Segments.GroupBy(s => s.Speaker!)
            .ToDictionary(g => g.Key, g => Median(g.SelectMany(s => PitchTrack(vocals, s.Start, s.End))));
        Assert.True(bySpeaker["SPEAKER_01"] / bySpeaker["SPEAKER_00"] > 1.4,
            $"median pitch {bySpeaker["SPEAKER_00"]:0} Hz vs {bySpeaker["SPEAKER_01"]:0} Hz");
    }

    [Fact]
    public void The_background_is_changing_chords_under_everything()
    {
        var (_, background) = WavReader.ReadAll(Media.Background);
        // 2.5-3.5 s: C major (C4 E4 G4); 5-6 s: A minor (A3 C4 E4). No effect plays in either window.
        var cMajor = Window(background, 2.5, 3.5);
        var aMinor = Window(background, 5.0, 6.0);
        foreach (var note in new[] { 261.63, 329.63, 392.00 }) Assert.True(Level(cMajor, note) > 20 * Level(cMajor, 220.0), $"{note} Hz in C major");
        Assert.True(Level(aMinor, 220.0) > 20 * Level(aMinor, 392.0), "A3 replaces G4 in A minor");
        // The bed never stops, even in the pauses.
        var segments = ReadTranscript().Segments;
        Assert.True(Rms(background, segments[3].End + 0.1, segments[4].Start - 0.1) > 0.003);
    }

    [Fact]
    public async Task The_ground_truth_audio_is_the_same_bytes_on_every_run()
    {
        var again = new DemoMedia(demo.NewFolder("again"));
        Directory.CreateDirectory(again.TruthDirectory);
        var work = Directory.CreateDirectory(demo.NewFolder("again-work")).FullName;

        await demo.Generator().RenderTruthAsync(again, work, null, CancellationToken.None);

        foreach (var (first, second) in new[] { (Media.Vocals, again.Vocals), (Media.Background, again.Background), (Media.Mix, again.Mix), (Media.Transcript, again.Transcript) })
            Assert.True(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)), $"{Path.GetFileName(first)} differs");
    }

    [Fact]
    public async Task A_complete_demo_is_kept_rather_than_made_again()
    {
        var before = File.GetLastWriteTimeUtc(Media.Video);
        var media = await demo.Generator().EnsureAsync(Media.Directory, null, CancellationToken.None);
        Assert.Equal(Media, media);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Media.Video));
    }

    [Fact]
    public async Task A_folder_with_other_files_is_refused_and_left_alone()
    {
        using var folder = new TempFolder();
        var notes = folder["notes.txt"];
        File.WriteAllText(notes, "my notes");

        var error = await Assert.ThrowsAsync<InputException>(() => demo.Generator().GenerateAsync(folder.Path, null, CancellationToken.None));

        Assert.Contains("already holds other files", error.Message);
        Assert.Contains("--out", error.Hint);
        Assert.Equal([notes], Directory.GetFileSystemEntries(folder.Path));
        Assert.Equal("my notes", File.ReadAllText(notes));

        var run = await CliRun.InProcessAsync("demo", "--out", folder.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    private Transcript ReadTranscript() =>
        JsonSerializer.Deserialize<Transcript>(File.ReadAllText(Media.Transcript), DubAgentJson.Options)!;

    /// <summary>The left channel between two times.</summary>
    private static float[] Window(float[] stereo, double from, double to)
    {
        var start = (int)(from * 48000);
        var end = Math.Min((int)(to * 48000), stereo.Length / 2);
        var mono = new float[Math.Max(0, end - start)];
        for (var i = 0; i < mono.Length; i++) mono[i] = stereo[(start + i) * 2];
        return mono;
    }

    private static double Rms(float[] stereo, double from, double to)
    {
        var w = Window(stereo, from, to);
        return w.Length == 0 ? 0 : Math.Sqrt(w.Average(s => (double)s * s));
    }

    /// <summary>Goertzel magnitude of one frequency.</summary>
    private static double Level(float[] signal, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 48000);
        double s1 = 0, s2 = 0;
        foreach (var x in signal)
        {
            var s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return Math.Sqrt(s1 * s1 + s2 * s2 - coefficient * s1 * s2) / signal.Length;
    }

    /// <summary>Autocorrelation pitch of voiced 40 ms frames (60-500 Hz).</summary>
    private static IEnumerable<double> PitchTrack(float[] stereo, double from, double to)
    {
        var w = Window(stereo, from, to);
        const int frame = 1920;
        for (var start = 0; start + frame <= w.Length; start += frame)
        {
            var energy = 0.0;
            for (var i = 0; i < frame; i++) energy += w[start + i] * w[start + i];
            if (energy / frame < 1e-3) continue;
            var (bestLag, best) = (0, 0.0);
            for (var lag = 48000 / 500; lag <= 48000 / 60; lag++)
            {
                var sum = 0.0;
                for (var i = 0; i + lag < frame; i++) sum += w[start + i] * w[start + i + lag];
                if (sum > best) (bestLag, best) = (lag, sum);
            }
            if (best > 0.3 * energy) yield return 48000.0 / bestLag;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
