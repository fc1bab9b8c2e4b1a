using System.Diagnostics;
using System.Text.Json;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The analysis row: analyze_media on the demo. Quality: the detected speech share against the truth transcript's
/// (the sum of its segments over the duration), and the content guess with its reason.
/// </summary>
public sealed class AnalysisBench : IBenchStage
{
    public string Stage => "analyze";

    public int Order => 15;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var tool = context.Services.GetRequiredService<IToolRegistry>().Find("analyze_media")!;
        var folder = Path.Combine(context.WorkDirectory, "analyze");
        var clock = Stopwatch.StartNew();
        var call = new ToolContext { WorkDirectory = folder, JobDirectory = context.WorkDirectory, Services = context.Services, CancellationToken = context.CancellationToken };
        var result = (AnalyzeMediaResult)await tool.InvokeAsync(new AnalyzeMediaArguments { Input = context.DemoVideo }, call).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var figures = new Dictionary<string, double>
        {
            ["media_seconds"] = result.DurationSeconds,
            ["speech_ratio"] = result.SpeechRatio ?? 0,
            ["music_ratio"] = result.MusicRatio ?? 0,
        };
        var quality = $"speech {result.SpeechRatio:0.00} ({result.SpeechDetector})";
        var transcript = Path.Combine(context.TruthDirectory, "transcript.json");
        if (File.Exists(transcript))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(transcript));
            var speech = doc.RootElement.GetProperty("segments").EnumerateArray()
                .Sum(s => s.GetProperty("end").GetDouble() - s.GetProperty("start").GetDouble());
            var truth = speech / Math.Max(1e-9, result.DurationSeconds);
            figures["truth_speech_ratio"] = truth;
            quality += $" vs truth {truth:0.00}";
        }
        quality += $", music {(result.MusicPresent == true ? "present" : "absent")} ({result.MusicRatio:0.00}), guess {result.ContentGuess}, {result.IntegratedLufs:0.0} LUFS";
        return [new BenchRow(Stage, "analyze_media", seconds / Math.Max(1e-9, result.DurationSeconds), quality, figures,
            call.Report.Notes.FirstOrDefault() ?? result.ContentReasons.FirstOrDefault())];
    }
}
