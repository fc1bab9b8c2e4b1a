using System.Diagnostics;
using System.Text.Json;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The analysis rows: analyze_media on the demo (music and effects under two voices: cinematic) and on the real
/// recordings of shared/data that are plain talk (jfk and video_en_speech: dialogue). Quality: the content guess
/// against what the content is, with the rule that fired, and on the demo the detected speech share against the truth
/// transcript's (the sum of its segments over the duration).
/// </summary>
public sealed class AnalysisBench : IBenchStage
{
    public string Stage => "analyze";

    public int Order => 15;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var inputs = new List<(string Label, string Path, string Expected)> { ("demo", context.DemoVideo, ContentGuess.Cinematic) };
        if (context.SharedDataDirectory is { } shared)
        {
            foreach (var (label, file) in new[] { ("jfk", Path.Combine(shared, "jfk", "jfk.wav")), ("video_en_speech", Path.Combine(shared, "video_en_speech", "englishvideo.mp4")) })
                if (File.Exists(file)) inputs.Add((label, file, ContentGuess.Dialogue));
        }
        var rows = new List<BenchRow>();
        foreach (var (label, path, expected) in inputs)
            rows.Add(await MeasureAsync(context, label, path, expected, label == "demo" ? Path.Combine(context.TruthDirectory, "transcript.json") : null)
                .ConfigureAwait(false));
        return rows;
    }

    private async Task<BenchRow> MeasureAsync(BenchContext context, string label, string input, string expected, string? transcript)
    {
        var tool = context.Services.GetRequiredService<IToolRegistry>().Find("analyze_media")!;
        var folder = Path.Combine(context.WorkDirectory, "analyze-" + label);
        var clock = Stopwatch.StartNew();
        var call = new ToolContext { WorkDirectory = folder, JobDirectory = context.WorkDirectory, Services = context.Services, CancellationToken = context.CancellationToken };
        var result = (AnalyzeMediaResult)await tool.InvokeAsync(new AnalyzeMediaArguments { Input = input }, call).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var right = result.ContentGuess == expected;
        var figures = new Dictionary<string, double>
        {
            ["media_seconds"] = result.DurationSeconds,
            ["speech_ratio"] = result.SpeechRatio ?? 0,
            ["music_ratio"] = result.MusicRatio ?? 0,
            ["background_to_speech_db"] = result.BackgroundToSpeechDb ?? 0,
            ["loud_event_ratio"] = result.LoudEventRatio ?? 0,
            ["median_pause_seconds"] = result.MedianPauseSeconds ?? 0,
            ["long_gap_ratio"] = result.LongGapRatio ?? 0,
            ["guess_right"] = right ? 1 : 0,
        };
        var quality = $"{label}: guess {result.ContentGuess} (expected {expected}: {(right ? "right" : "wrong")}); speech {result.SpeechRatio:0.00} ({result.SpeechDetector})";
        if (transcript is not null && File.Exists(transcript))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(transcript));
            var speech = doc.RootElement.GetProperty("segments").EnumerateArray()
                .Sum(s => s.GetProperty("end").GetDouble() - s.GetProperty("start").GetDouble());
            var truth = speech / Math.Max(1e-9, result.DurationSeconds);
            figures["truth_speech_ratio"] = truth;
            quality += $" vs truth {truth:0.00}";
        }
        quality += $", music {result.MusicRatio:0.00}, {result.SpeechTurns} turns (median pause {result.MedianPauseSeconds:0.0} s), pauses {result.BackgroundToSpeechDb:0} dB, {result.IntegratedLufs:0.0} LUFS";
        var note = string.Join("; ", new[] { result.ContentReasons.FirstOrDefault(), call.Report.Notes.FirstOrDefault() }.Where(n => n is not null));
        return new BenchRow(Stage, "analyze_media", seconds / Math.Max(1e-9, result.DurationSeconds), quality, figures, note);
    }
}
