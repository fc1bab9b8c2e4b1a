using System.Diagnostics;
using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Core.Pipelines;
using DubAgent.Engines.Export;
using DubAgent.Engines.Mixing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The original speech under the dub: the shipped `dub` recipe dubs the demo into Spanish with the engines that run
/// here, and the demo's truth vocals and background are measured inside the exported mp4's dub track (<see cref="StemGains"/>).
/// A second row mixes and exports the same job again without the separated vocals (no residue removal): the figure
/// before the mix cleaned the background. Goal: original speech at most -30 dB, background within 8 dB of its level.
/// </summary>
public sealed class LeakageBench : IBenchStage
{
    public const double SpeechGoalDb = -30;
    public const double BackgroundGoalDb = -8;

    public string Stage => "leakage";

    public int Order => 85;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var services = context.Services;
        var recipePath = services.GetRequiredService<RecipeCatalog>().Resolve("dub")
            ?? throw new InputException("The shipped recipe 'dub' was not found.", "Run the bench from a clone, where pipelines/dub.yaml is beside dubagent.");
        var (recipe, problems) = RecipeLoader.LoadFile(recipePath);
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);
        var job = Path.Combine(context.WorkDirectory, "dub");
        var clock = Stopwatch.StartNew();
        var run = await services.GetRequiredService<PipelineRunner>().RunAsync(recipe, new PipelineRunRequest(new Dictionary<string, string>
        {
            ["video"] = context.DemoVideo,
            ["target_language"] = "es",
        }, job), null, context.CancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;

        var separate = ResultOf(run, "separate");
        var engine = separate.GetProperty("engine").GetString();
        var stems = separate.GetProperty("stems");
        var voice = ResultOf(run, "synthesize").GetProperty("voice_path").GetString()!;
        var exported = ResultOf(run, "export").GetProperty("videos")[0].GetProperty("path").GetString()!;
        var media = ResultOf(run, "probe").GetProperty("duration_seconds").GetDouble();

        var after = await MeasureAsync(context, exported, "after").ConfigureAwait(false);
        var rows = new List<BenchRow> { Row($"dub recipe ({engine}; mix with the vocals)", after, seconds / media, media) };
        if (stems.TryGetProperty("background", out var background))
        {
            var (mix, _) = await MixBench.RunMixAsync(context, new MixArguments
            {
                Voice = voice, Background = background.GetString(), Video = context.DemoVideo,
            }, "mix-without-vocals").ConfigureAwait(false);
            var export = await services.GetServices<ITool>().OfType<ExportTool>().First().InvokeAsync(new ExportArguments
            {
                Video = context.DemoVideo, Mix = mix.Path, Language = "es", Package = false,
            }, new ToolContext
            {
                WorkDirectory = Path.Combine(context.WorkDirectory, "export-without-vocals"),
                JobDirectory = context.WorkDirectory,
                Services = services,
                CancellationToken = context.CancellationToken,
            }).ConfigureAwait(false);
            var before = await MeasureAsync(context, export.Videos[0].Path, "before").ConfigureAwait(false);
            rows.Insert(0, Row($"dub recipe ({engine}; mix without the vocals)", before, null, media));
        }
        return rows;
    }

    private static JsonElement ResultOf(PipelineRunResult run, string step) =>
        run.Steps.FirstOrDefault(s => s.Step == step)?.Result
        ?? throw new InvalidOperationException($"The dub recipe's step '{step}' gave no result.");

    /// <summary>The dub track decoded at the truth stems' layout, and the gains of the truth stems inside it.</summary>
    private static async Task<(double Speech, double Background)> MeasureAsync(BenchContext context, string video, string label)
    {
        var vocals = Path.Combine(context.TruthDirectory, "vocals.wav");
        var background = Path.Combine(context.TruthDirectory, "background.wav");
        using var truth = new WavReader(vocals);
        var decoded = Path.Combine(context.WorkDirectory, $"dub-track-{label}.wav");
        await context.Services.GetRequiredService<AudioExtractor>().ExtractAsync(video, decoded, truth.Format.SampleRate, truth.Format.Channels,
            SampleEncoding.Float32, null, context.CancellationToken).ConfigureAwait(false);
        return StemGains.Measure(decoded, vocals, background);
    }

    private BenchRow Row(string engine, (double Speech, double Background) gains, double? rtf, double media)
    {
        var met = gains.Speech <= SpeechGoalDb && gains.Background >= BackgroundGoalDb;
        return new BenchRow(Stage, engine, rtf,
            $"original speech {gains.Speech:0.0} dB under the dub, background {gains.Background:0.0} dB (goal <= {SpeechGoalDb:0} and >= {BackgroundGoalDb:0}: {(met ? "met" : "not met")})",
            new Dictionary<string, double>
            {
                ["original_speech_db"] = gains.Speech,
                ["background_db"] = gains.Background,
                ["media_seconds"] = media,
            },
            "least-squares gains of truth/vocals.wav and truth/background.wav in the exported mp4's dub track");
    }
}
