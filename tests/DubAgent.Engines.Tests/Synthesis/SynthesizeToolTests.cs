using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;
namespace DubAgent.Engines.Tests.Synthesis;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>The synthesize tool end to end with the real espeak-ng, ffmpeg and rubberband.</summary>
public sealed class SynthesizeToolTests
{
    private const int Rate = 16000;

    private static TranslatedSegment Line(string id, string speaker, double start, double end, string text) =>
        new() { Id = id, Speaker = speaker, Start = start, End = end, Text = "(source)", TargetText = text };

    private static string WriteTranslation(SynthesisTestKit kit, double total, params TranslatedSegment[] segments)
    {
        var path = kit.PathOf($"translation-{Guid.NewGuid():N}.json");
        var translation = new Translation { SourceLanguage = "en", TargetLanguage = "es", NumSpeakers = 2, TotalDuration = total, Segments = segments };
        File.WriteAllText(path, JsonSerializer.Serialize(translation, DubAgentJson.Options));
        return path;
    }

    private static ITool Tool(SynthesisTestKit kit) => kit.Services.GetServices<ITool>().Single(t => t.Name == "synthesize");

    private static async Task<(SynthesizeResult Result, PlacementsDocument Placements, ToolContext Context)> RunAsync(SynthesisTestKit kit, SynthesizeArguments arguments)
    {
        var context = kit.Context();
        var result = (SynthesizeResult)await Tool(kit).InvokeAsync(arguments, context);
        var placements = JsonSerializer.Deserialize<PlacementsDocument>(File.ReadAllText(result.PlacementsPath), DubAgentJson.Options)!;
        return (result, placements, context);
    }

    private static double Rms(float[] samples, double from, double to)
    {
        var a = (int)(from * Rate);
        var b = Math.Min(samples.Length, (int)(to * Rate));
        double sum = 0;
        for (var i = a; i < b; i++) sum += samples[i] * samples[i];
        return b > a ? Math.Sqrt(sum / (b - a)) : 0;
    }

    [Fact]
    public async Task Dubs_two_speakers_into_a_track_exactly_as_long_as_the_source()
    {
        using var kit = new SynthesisTestKit();
        var translation = WriteTranslation(kit, 12.345,
            Line("seg_0001", "SPEAKER_00", 0.5, 2.5, "Hola, ¿cómo estás?"),
            Line("seg_0002", "SPEAKER_01", 3.0, 5.0, "Muy bien, gracias."),
            Line("seg_0003", "SPEAKER_00", 6.0, 7.0, "Me alegro mucho de verte otra vez, amiga mía, de verdad."),
            Line("seg_0004", "SPEAKER_01", 7.2, 9.0, "Yo también."));

        var (result, placements, context) = await RunAsync(kit, new SynthesizeArguments
        {
            Translation = translation, Engine = "espeak-ng", SampleRate = Rate, Concurrency = 2,
        });

        using (var reader = new WavReader(result.VoicePath))
        {
            Assert.Equal((long)Math.Round(12.345 * Rate), reader.FrameCount);
            Assert.Equal(1, reader.Format.Channels);
        }
        Assert.Equal(4, placements.Placements.Count);
        Assert.Equal(4, result.Synthesized);
        Assert.Equal(2, placements.Cast.Select(c => c.Voice).Distinct().Count());
        Assert.Equal(placements.Cast.Single(c => c.Speaker == "SPEAKER_00").Voice, placements.Placements[2].Voice);
        Assert.Contains(context.Report.Notes, n => n.StartsWith("cast: SPEAKER_00 -> "));
        Assert.Equal("espeak-ng", context.Report.Engine);

        var ordered = placements.Placements.OrderBy(p => p.Start).ToList();
        for (var i = 1; i < ordered.Count; i++) Assert.True(ordered[i].Start >= ordered[i - 1].End - 1e-3);
        Assert.All(placements.Placements, p => Assert.True(p.Start >= p.SlotStart - 1e-6));
        Assert.All(placements.Placements, p => Assert.InRange(p.StretchRatio, 1.0, 1.25));

        // The long third line cannot fit 1 s (plus a 0.2 s gap) at natural speed: compressed.
        var third = placements.Placements[2];
        Assert.True(third.ClipSeconds > 1.2, $"clip {third.ClipSeconds}");
        Assert.Contains(FitFlags.Stretched, third.Flags);

        var (_, samples) = WavReader.ReadAll(result.VoicePath);
        Assert.True(Rms(samples, 0, 0.5) < 1e-4, "silence before the first line");
        Assert.True(Rms(samples, 0.5, 2.0) > 0.01, "speech in the first slot");
        Assert.True(Rms(samples, 9.6, 12.345) < 1e-4, "silence after the last line");
    }

    [Fact]
    public async Task Clips_made_at_once_give_the_same_track_and_placements_as_one_at_a_time()
    {
        TranslatedSegment[] lines =
        [
            Line("seg_0001", "A", 0.2, 1.4, "Uno dos tres."),
            Line("seg_0002", "B", 1.6, 2.8, "Cuatro cinco seis."),
            Line("seg_0003", "A", 3.0, 3.6, "Siete ocho nueve diez once doce trece."),
            Line("seg_0004", "B", 4.0, 5.5, "Catorce."),
            Line("seg_0005", "A", 5.6, 7.0, "Quince dieciséis."),
        ];
        var outputs = new List<(byte[] Voice, string Placements)>();
        foreach (var concurrency in new[] { 1, 4 })
        {
            // Own kit each: a fresh clip cache, so both runs synthesize every line.
            using var kit = new SynthesisTestKit();
            var (result, _, _) = await RunAsync(kit, new SynthesizeArguments
            {
                Translation = WriteTranslation(kit, 8, lines), Engine = "espeak-ng", SampleRate = Rate, Concurrency = concurrency,
            });
            Assert.Equal(lines.Length, result.Synthesized);
            outputs.Add((File.ReadAllBytes(result.VoicePath), File.ReadAllText(result.PlacementsPath)));
        }
        Assert.Equal(outputs[0].Placements, outputs[1].Placements);
        Assert.True(outputs[0].Voice.AsSpan().SequenceEqual(outputs[1].Voice), "voice.wav differs between one clip at a time and four at once");
    }

    [Fact]
    public async Task Rerun_reuses_cached_clips_and_an_edited_line_alone_is_synthesized_again()
    {
        using var kit = new SynthesisTestKit();
        TranslatedSegment[] lines =
        [
            Line("seg_0001", "A", 0.2, 1.5, "Uno dos tres."),
            Line("seg_0002", "B", 2.0, 3.5, "Cuatro cinco seis."),
            Line("seg_0003", "A", 4.0, 5.5, "Siete ocho nueve."),
        ];
        var arguments = new SynthesizeArguments { Translation = WriteTranslation(kit, 6, lines), Engine = "espeak-ng", SampleRate = Rate };
        var (first, _, _) = await RunAsync(kit, arguments);
        Assert.Equal(3, first.Synthesized);

        var (second, again, _) = await RunAsync(kit, arguments);
        Assert.Equal(0, second.Synthesized);
        Assert.Equal(3, second.FromCache);
        Assert.All(again.Placements, p => Assert.True(p.Cached));

        lines[1] = lines[1] with { TargetText = "Cuatro, cinco y seis." };
        var (third, edited, _) = await RunAsync(kit, new SynthesizeArguments { Translation = WriteTranslation(kit, 6, lines), Engine = "espeak-ng", SampleRate = Rate });
        Assert.Equal(1, third.Synthesized);
        Assert.False(edited.Placements[1].Cached);
        Assert.True(edited.Placements[0].Cached);
    }

    [Fact]
    public async Task Bad_lines_are_placed_and_flagged_not_fatal()
    {
        using var kit = new SynthesisTestKit();
        var huge = string.Concat(Enumerable.Repeat("Esta es una frase que se repite muchas veces. ", 110));
        Assert.True(huge.Length >= 5000);
        var translation = WriteTranslation(kit, 20,
            Line("empty", "A", 0.5, 1.5, ""),
            Line("emoji", "A", 2.0, 3.0, "🎵🎵🎵"),
            Line("cleaned", "B", 3.5, 5.0, "Hola 😀 amigo\u0007"),
            Line("zero", "B", 6.0, 6.0, "Sí."),
            Line("overlap_a", "A", 8.0, 10.0, "Estoy hablando ahora."),
            Line("overlap_b", "B", 9.0, 11.0, "Y yo te interrumpo."),
            Line("huge", "A", 12.0, 14.0, huge));

        var (result, placements, _) = await RunAsync(kit, new SynthesizeArguments { Translation = translation, Engine = "espeak-ng", SampleRate = Rate });
        var byId = placements.Placements.ToDictionary(p => p.Id);

        Assert.Contains(FitFlags.EmptyText, byId["empty"].Flags);
        Assert.Equal(0, byId["empty"].FittedSeconds);
        Assert.Contains(FitFlags.Unspeakable, byId["emoji"].Flags);
        Assert.Equal(0, byId["emoji"].FittedSeconds);
        Assert.Contains(FitFlags.TextCleaned, byId["cleaned"].Flags);
        Assert.True(byId["cleaned"].FittedSeconds > 0.3);
        Assert.Contains(FitFlags.ZeroLengthSlot, byId["zero"].Flags);
        Assert.True(byId["zero"].FittedSeconds > 0.1);
        Assert.Contains(FitFlags.OverlapsPrevious, byId["overlap_b"].Flags);
        Assert.Equal(9.0, byId["overlap_b"].Start, 3);
        Assert.Contains(FitFlags.LongText, byId["huge"].Flags);
        Assert.Contains(FitFlags.Overflow, byId["huge"].Flags);
        Assert.Contains(FitFlags.TruncatedAtEnd, byId["huge"].Flags);
        Assert.Equal(1.25, byId["huge"].StretchRatio, 3);
        Assert.True(byId["huge"].OverflowSeconds > 60);

        Assert.Equal(2, result.SilentSegments);
        Assert.True(result.PlacedWithoutOverflow < 1);
        Assert.Equal(Math.Round(byId.Values.Max(p => p.OverflowSeconds) * 1000), result.MaxOverflowMs);
        using var reader = new WavReader(result.VoicePath);
        Assert.Equal(20 * Rate, reader.FrameCount);
    }

    [Fact]
    public async Task Unknown_voice_in_the_cast_is_a_clear_error_listing_the_voices()
    {
        using var kit = new SynthesisTestKit();
        var translation = WriteTranslation(kit, 3, Line("seg_0001", "A", 0, 1, "Hola."));
        var error = await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments
        {
            Translation = translation, Engine = "espeak-ng", Voices = new() { ["A"] = "gandalf" },
        }));
        Assert.Contains("gandalf", error.Message);
        Assert.Contains("male-deep", error.Hint);
    }

    [Fact]
    public async Task The_cast_in_arguments_is_used_and_recorded()
    {
        using var kit = new SynthesisTestKit();
        var translation = WriteTranslation(kit, 3, Line("seg_0001", "A", 0, 1, "Hola."));
        var (result, placements, _) = await RunAsync(kit, new SynthesizeArguments
        {
            Translation = translation, Engine = "espeak-ng", SampleRate = Rate, Voices = new() { ["A"] = "female-warm" },
        });
        Assert.Equal("female-warm", result.Cast["A"]);
        Assert.Equal("arguments", placements.Cast.Single().Source);
        Assert.Equal("female-warm", placements.Placements.Single().Voice);
    }

    [Fact]
    public async Task Track_length_comes_from_the_reference_media_when_the_translation_has_none()
    {
        using var kit = new SynthesisTestKit();
        var translation = WriteTranslation(kit, 0, Line("seg_0001", "A", 0.1, 1, "Hola."));
        var missing = await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments { Translation = translation, Engine = "espeak-ng" }));
        Assert.Contains("duration", missing.Hint);

        var reference = kit.PathOf("reference.wav");
        SynthesisTestKit.WriteTone(reference, 44100, 0, 0, 3.5);
        var (result, _, _) = await RunAsync(kit, new SynthesizeArguments { Translation = translation, Engine = "espeak-ng", SampleRate = Rate, Reference = reference });
        using var reader = new WavReader(result.VoicePath);
        Assert.Equal(3.5 * Rate, reader.FrameCount);
    }

    [Fact]
    public async Task Lower_original_speaker_gets_the_lower_synthetic_voice()
    {
        using var kit = new SynthesisTestKit();
        // The "original": speaker HIGH at 230 Hz in 0-2 s, speaker LOW at 100 Hz in 3-5 s.
        var audio = kit.PathOf("original.wav");
        using (var writer = new WavWriter(audio, new AudioFormat(16000, 1)))
        {
            var samples = new float[6 * 16000];
            void Voice(double from, double to, double hz)
            {
                for (var i = (int)(from * 16000); i < (int)(to * 16000); i++)
                {
                    var t = i / 16000.0;
                    samples[i] = (float)(0.2 * Math.Sin(2 * Math.PI * hz * t) + 0.15 * Math.Sin(4 * Math.PI * hz * t) + 0.1 * Math.Sin(6 * Math.PI * hz * t));
                }
            }
            Voice(0, 2, 230);
            Voice(3, 5, 100);
            writer.Write(samples);
            writer.Commit();
        }
        var translation = WriteTranslation(kit, 6, Line("seg_0001", "HIGH", 0, 2, "Hola."), Line("seg_0002", "LOW", 3, 5, "Adiós."));
        var (_, placements, _) = await RunAsync(kit, new SynthesizeArguments { Translation = translation, Engine = "espeak-ng", SampleRate = Rate, Audio = audio });
        var cast = placements.Cast.ToDictionary(c => c.Speaker);
        Assert.InRange(cast["HIGH"].OriginalPitchHz!.Value, 220, 240);
        Assert.InRange(cast["LOW"].OriginalPitchHz!.Value, 95, 105);
        Assert.True(EspeakPersona.Find(cast["LOW"].Voice)!.RelativePitch < EspeakPersona.Find(cast["HIGH"].Voice)!.RelativePitch);
    }

    [Fact]
    public async Task A_cancelled_call_stops_and_writes_no_track()
    {
        using var kit = new SynthesisTestKit();
        var translation = WriteTranslation(kit, 3, Line("seg_0001", "A", 0, 1, "Hola."));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var context = new ToolContext
        {
            WorkDirectory = Directory.CreateDirectory(kit.PathOf("job/synthesize")).FullName,
            JobDirectory = kit.PathOf("job"),
            Services = kit.Services,
            CancellationToken = cancel.Token,
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Tool(kit).InvokeAsync(new SynthesizeArguments { Translation = translation, Engine = "espeak-ng" }, context));
        Assert.False(File.Exists(Path.Combine(context.WorkDirectory, SynthesizeTool.VoiceFile)));
    }

    [Fact]
    public async Task Impossible_arguments_and_broken_files_are_input_errors()
    {
        using var kit = new SynthesisTestKit();
        var good = WriteTranslation(kit, 3, Line("seg_0001", "A", 0, 1, "Hola."));
        await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments { Translation = good, MaxStretch = 0.5 }));
        await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments { Translation = kit.PathOf("nope.json") }));
        var broken = kit.PathOf("broken.json");
        File.WriteAllText(broken, "{ \"segments\": [ oops");
        await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments { Translation = broken }));
        var backwards = WriteTranslation(kit, 3, Line("seg_0001", "A", 2, 1, "Hola."));
        var e = await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments { Translation = backwards, Engine = "espeak-ng" }));
        Assert.Contains("seg_0001", e.Message);
        var twice = WriteTranslation(kit, 3, Line("x", "A", 0, 1, "Hola."), Line("x", "A", 1, 2, "Adiós."));
        await Assert.ThrowsAsync<InputException>(() => RunAsync(kit, new SynthesizeArguments { Translation = twice, Engine = "espeak-ng" }));
    }
}
