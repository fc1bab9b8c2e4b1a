using System.Diagnostics;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Pipelines;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The diarize rows of the product as a user runs it: the shipped `transcribe` recipe (separation, transcription,
/// diarization, whichever engines it falls back to here) on the demo video (DER of the diarized transcript's lines
/// against the truth) and on video_en_speech; then the dub's voice casting (espeak-ng, Spanish) over the speakers it
/// found, counting the voices each true speaker gets (1 is right: one person, one voice).
/// </summary>
public sealed class DiarizationRecipeBench : IBenchStage
{
    public string Stage => "diarize";

    public int Order => 41;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var recipePath = new RecipeCatalog().Resolve("transcribe") ?? throw new FileNotFoundException("the shipped recipe 'transcribe' was not found");
        var (recipe, problems) = RecipeLoader.LoadFile(recipePath);
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);
        var rows = new List<BenchRow>();
        if (File.Exists(Path.Combine(context.TruthDirectory, "transcript.json")))
            rows.Add(await MeasureAsync(recipe, "demo video through the transcribe recipe (goal ≤ 10 %)", context.DemoVideo, DiarizationInputs.Demo(context), context)
                .ConfigureAwait(false));
        var video = DiarizationInputs.From(context).FirstOrDefault(i => i.Audio.EndsWith("englishvideo.mp4", StringComparison.Ordinal));
        if (video is not null)
            rows.Add(await MeasureAsync(recipe, "video_en_speech through the transcribe recipe", video.Audio, video.Reference, context).ConfigureAwait(false));
        return rows;
    }

    private async Task<BenchRow> MeasureAsync(Recipe recipe, string label, string video, IReadOnlyList<SpeakerTurn> reference, BenchContext context)
    {
        var runner = context.Services.GetRequiredService<PipelineRunner>();
        var job = Path.Combine(context.WorkDirectory, $"transcribe-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var run = await runner.RunAsync(recipe, new PipelineRunRequest(new Dictionary<string, string> { ["video"] = video, ["language"] = "en" }, job),
            null, context.CancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var transcript = TranscriptJson.Read(run.Outputs["transcript"]!.GetValue<string>());
        var lines = transcript.Segments.Where(s => s.Speaker is not null).Select(s => new SpeakerTurn(s.Start, s.End, s.Speaker!)).ToList();
        var figures = DiarizationBench.Figures(reference, lines);
        var voices = await VoicesPerTrueSpeakerAsync(transcript, reference, context).ConfigureAwait(false);
        figures["voices_per_true_speaker_max"] = voices.Values.DefaultIfEmpty(0).Max();
        figures["voices_per_true_speaker_mean"] = voices.Values.DefaultIfEmpty(0).Average();
        figures["lines"] = transcript.Segments.Count;
        figures["processing_seconds"] = seconds;
        var engines = string.Join(", ", run.Steps.Select(s => $"{s.Step} {s.EngineRan ?? s.Status.ToString().ToLowerInvariant()}"));
        var media = transcript.TotalDuration;
        return new BenchRow(Stage, run.Steps.FirstOrDefault(s => s.Step == "diarize")?.EngineRan ?? "-", media > 0 ? seconds / media : null,
            $"{DiarizationBench.Quality(figures)}; voices per true speaker: {string.Join(", ", voices.Select(v => $"{v.Key} {v.Value}"))}",
            figures, $"{label} ({engines}; RTF of the whole recipe)");
    }

    /// <summary>Casts the found speakers as the dub does, then counts the distinct voices on the lines each true speaker said most of.</summary>
    private static async Task<Dictionary<string, int>> VoicesPerTrueSpeakerAsync(Transcript transcript, IReadOnlyList<SpeakerTurn> reference, BenchContext context)
    {
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var espeak = registry.ForCapability(Capabilities.Synthesize).OfType<ISynthesizer>().First(s => s.Name == "espeak-ng");
        var available = await espeak.ListVoicesAsync(context.CancellationToken).ConfigureAwait(false);
        var speakers = transcript.Segments.Select(s => s.Speaker).OfType<string>().Distinct().ToList();
        var voiceOf = VoiceCaster.Cast(espeak.Name, speakers, available, "es", null, null).ToDictionary(c => c.Speaker, c => c.Voice);
        return transcript.Segments
            .Where(s => s.Speaker is not null)
            .GroupBy(s => SpeakerAssigner.SpeakerFor(s.Start, s.End, reference) ?? "?")
            .ToDictionary(g => g.Key, g => g.Select(s => voiceOf[s.Speaker!]).Distinct().Count());
    }
}
