using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The synthesize rows: the demo's ground-truth transcript translated into Spanish with apertium, then spoken with
/// espeak-ng (cast by the original voices' pitch) and fitted to the original timing. Figures: share of segments placed
/// without overflow, the largest stretch ratio, the largest overflow, the real-time factor, and a re-run after editing
/// one line (which must synthesize that line alone).
/// </summary>
public sealed class SynthesisBench : IBenchStage
{
    public string Stage => "synthesize";

    public int Order => 60;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var translation = await TranslateAsync(context).ConfigureAwait(false);
        var arguments = new SynthesizeArguments
        {
            Translation = translation,
            Engine = "espeak-ng",
            Audio = Path.Combine(context.TruthDirectory, "vocals.wav"),
            Reference = context.DemoVideo,
        };
        var (result, notes, seconds) = await SynthesizeAsync(context, arguments).ConfigureAwait(false);

        // Edit one line and run again: only that line is synthesized, the track is re-assembled.
        var edited = EditOneLine(translation);
        var (rerun, _, rerunSeconds) = await SynthesizeAsync(context, new SynthesizeArguments
        {
            Translation = edited, Engine = arguments.Engine, Audio = arguments.Audio, Reference = arguments.Reference,
        }).ConfigureAwait(false);

        var figures = new Dictionary<string, double>
        {
            ["media_seconds"] = result.DurationSeconds,
            ["processing_seconds"] = seconds,
            ["segments"] = result.Segments,
            ["placed_without_overflow"] = result.PlacedWithoutOverflow,
            ["overflow_segments"] = result.OverflowSegments,
            ["max_stretch_ratio"] = result.MaxStretchRatio,
            ["max_overflow_ms"] = result.MaxOverflowMs,
            ["edit_rerun_seconds"] = rerunSeconds,
            ["edit_rerun_synthesized"] = rerun.Synthesized,
        };
        var quality = string.Create(CultureInfo.InvariantCulture,
            $"{result.PlacedWithoutOverflow:P0} placed without overflow ({result.Segments - result.OverflowSegments}/{result.Segments}), max stretch {result.MaxStretchRatio:0.00}, max overflow {result.MaxOverflowMs:0} ms");
        var cast = string.Join(", ", notes.Where(n => n.StartsWith("cast: ", StringComparison.Ordinal)).Select(n => n[6..]));
        var note = string.Create(CultureInfo.InvariantCulture,
            $"en->es by apertium; {cast}; one edited line re-run: {rerun.Synthesized} clip synthesized, RTF {rerunSeconds / result.DurationSeconds:0.000}");
        return [new BenchRow(Stage, "espeak-ng", seconds / result.DurationSeconds, quality, figures, note)];
    }

    /// <summary>The demo's ground-truth transcript through the registered translate tool with apertium.</summary>
    private static async Task<string> TranslateAsync(BenchContext context)
    {
        var tool = context.Services.GetServices<ITool>().Single(t => t.Name == "translate");
        var toolContext = Context(context, "translate");
        var result = (TranslateResult)await tool.InvokeAsync(new TranslateArguments
        {
            Transcript = Path.Combine(context.TruthDirectory, "transcript.json"),
            TargetLanguage = "es",
            Engine = "apertium",
        }, toolContext).ConfigureAwait(false);
        return result.TranslationPath;
    }

    private static async Task<(SynthesizeResult Result, IReadOnlyList<string> Notes, double Seconds)> SynthesizeAsync(BenchContext context,
        SynthesizeArguments arguments)
    {
        var tool = context.Services.GetServices<ITool>().OfType<SynthesizeTool>().First();
        var toolContext = Context(context, "synthesize");
        var clock = Stopwatch.StartNew();
        var result = await tool.InvokeAsync(arguments, toolContext).ConfigureAwait(false);
        return (result, toolContext.Report.Notes, clock.Elapsed.TotalSeconds);
    }

    private static string EditOneLine(string translationPath)
    {
        var translation = JsonSerializer.Deserialize<Translation>(File.ReadAllText(translationPath), DubAgentJson.Options)!;
        var segments = translation.Segments.ToList();
        var index = segments.FindIndex(s => !string.IsNullOrWhiteSpace(s.TargetText));
        if (index >= 0) segments[index] = segments[index] with { TargetText = segments[index].TargetText + " ¡Claro!" };
        var path = Path.Combine(Path.GetDirectoryName(translationPath)!, "translation-edited.json");
        File.WriteAllText(path, JsonSerializer.Serialize(translation with { Segments = segments }, DubAgentJson.Options));
        return path;
    }

    private static ToolContext Context(BenchContext context, string step) => new()
    {
        WorkDirectory = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, step)).FullName,
        JobDirectory = context.WorkDirectory,
        Services = context.Services,
        CancellationToken = context.CancellationToken,
    };
}
