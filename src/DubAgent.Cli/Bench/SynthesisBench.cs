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
/// The synthesize rows: the demo's ground-truth transcript (and, when shared/data is present, a real two-person
/// conversation) translated into Spanish with apertium, then spoken with espeak-ng (cast by the original voices' pitch)
/// and fitted to the original timing. Figures: share of segments placed without overflow, the largest stretch ratio,
/// the largest overflow, the real-time factor, and on the demo a re-run after editing one line.
/// </summary>
public sealed class SynthesisBench : IBenchStage
{
    private const string StageName = "synthesize";

    public string Stage => StageName;

    public int Order => 60;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var rows = new List<BenchRow> { await DemoRowAsync(context).ConfigureAwait(false) };
        if (context.SharedDataDirectory is { } shared && File.Exists(Path.Combine(shared, "pyannote_sample", "sample.stm")))
            rows.Add(await ConversationRowAsync(context, Path.Combine(shared, "pyannote_sample")).ConfigureAwait(false));
        return rows;
    }

    /// <summary>The demo, plus a re-run after editing one line (which must synthesize that line alone).</summary>
    private static async Task<BenchRow> DemoRowAsync(BenchContext context)
    {
        var translation = await TranslateAsync(context, Path.Combine(context.TruthDirectory, "transcript.json"), "demo").ConfigureAwait(false);
        var arguments = new SynthesizeArguments
        {
            Translation = translation,
            Engine = "espeak-ng",
            Audio = Path.Combine(context.TruthDirectory, "vocals.wav"),
            Reference = context.DemoVideo,
        };
        var (result, notes, seconds) = await SynthesizeAsync(context, arguments, "demo").ConfigureAwait(false);

        var edited = EditOneLine(translation);
        var (rerun, _, rerunSeconds) = await SynthesizeAsync(context, new SynthesizeArguments
        {
            Translation = edited, Engine = arguments.Engine, Audio = arguments.Audio, Reference = arguments.Reference,
        }, "demo").ConfigureAwait(false);

        var figures = Figures(result, seconds);
        figures["edit_rerun_seconds"] = rerunSeconds;
        figures["edit_rerun_synthesized"] = rerun.Synthesized;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"demo en->es by apertium; {Cast(notes)}; one edited line re-run: {rerun.Synthesized} clip synthesized, RTF {rerunSeconds / result.DurationSeconds:0.000}");
        return new BenchRow(StageName, "espeak-ng", seconds / result.DurationSeconds, Quality(result), figures, note);
    }

    /// <summary>
    /// A real two-person telephone conversation (shared/data/pyannote_sample: reference transcript with speakers and
    /// times, short turns, one overlap): tight slots, so stretching and overflow show.
    /// </summary>
    private static async Task<BenchRow> ConversationRowAsync(BenchContext context, string folder)
    {
        var audio = Path.Combine(folder, "sample.wav");
        var transcript = Path.Combine(context.WorkDirectory, "conversation-transcript.json");
        File.WriteAllText(transcript, JsonSerializer.Serialize(TranscriptFromStm(Path.Combine(folder, "sample.stm"), 30.0), DubAgentJson.Options));
        var translation = await TranslateAsync(context, transcript, "conversation").ConfigureAwait(false);
        var (result, notes, seconds) = await SynthesizeAsync(context, new SynthesizeArguments
        {
            Translation = translation, Engine = "espeak-ng", Audio = audio, Reference = audio,
        }, "conversation").ConfigureAwait(false);
        return new BenchRow(StageName, "espeak-ng (real conversation)", seconds / result.DurationSeconds, Quality(result), Figures(result, seconds),
            $"pyannote_sample (30 s, 2 speakers) en->es by apertium; {Cast(notes)}");
    }

    private static Dictionary<string, double> Figures(SynthesizeResult result, double seconds) => new()
    {
        ["media_seconds"] = result.DurationSeconds,
        ["processing_seconds"] = seconds,
        ["segments"] = result.Segments,
        ["placed_without_overflow"] = result.PlacedWithoutOverflow,
        ["overflow_segments"] = result.OverflowSegments,
        ["max_stretch_ratio"] = result.MaxStretchRatio,
        ["max_overflow_ms"] = result.MaxOverflowMs,
    };

    private static string Quality(SynthesizeResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.PlacedWithoutOverflow:P0} placed without overflow ({result.Segments - result.OverflowSegments}/{result.Segments}), max stretch {result.MaxStretchRatio:0.00}, max overflow {result.MaxOverflowMs:0} ms");

    private static string Cast(IReadOnlyList<string> notes) =>
        string.Join(", ", notes.Where(n => n.StartsWith("cast: ", StringComparison.Ordinal)).Select(n => n[6..]));

    /// <summary>STM lines "uri channel speaker start end text" as a transcript.</summary>
    private static Transcript TranscriptFromStm(string path, double totalDuration)
    {
        var segments = new List<TranscriptSegment>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 6 || line.StartsWith(";;", StringComparison.Ordinal)) continue;
            segments.Add(new TranscriptSegment
            {
                Id = TranscriptSegment.IdFor(segments.Count),
                Speaker = parts[2],
                Start = double.Parse(parts[3], CultureInfo.InvariantCulture),
                End = double.Parse(parts[4], CultureInfo.InvariantCulture),
                Text = parts[5],
            });
        }
        return new Transcript
        {
            Language = "en",
            TotalDuration = totalDuration,
            NumSpeakers = segments.Select(s => s.Speaker).Distinct().Count(),
            Segments = segments,
        };
    }

    /// <summary>The demo's ground-truth transcript through the registered translate tool with apertium.</summary>
    private static async Task<string> TranslateAsync(BenchContext context, string transcript, string job)
    {
        var tool = context.Services.GetServices<ITool>().Single(t => t.Name == "translate");
        var toolContext = Context(context, job, "translate");
        var result = (TranslateResult)await tool.InvokeAsync(new TranslateArguments
        {
            Transcript = transcript,
            TargetLanguage = "es",
            Engine = "apertium",
        }, toolContext).ConfigureAwait(false);
        return result.TranslationPath;
    }

    private static async Task<(SynthesizeResult Result, IReadOnlyList<string> Notes, double Seconds)> SynthesizeAsync(BenchContext context,
        SynthesizeArguments arguments, string job)
    {
        var tool = context.Services.GetServices<ITool>().OfType<SynthesizeTool>().First();
        var toolContext = Context(context, job, "synthesize");
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

    private static ToolContext Context(BenchContext context, string job, string step) => new()
    {
        WorkDirectory = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, job, step)).FullName,
        JobDirectory = Path.Combine(context.WorkDirectory, job),
        Services = context.Services,
        CancellationToken = context.CancellationToken,
    };
}
