using System.Diagnostics;
using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The `piper` row: each available Piper voice speaks the demo's lines (its language's sentence of shared/data's
/// sentences_8_languages when there is one); RTF = synthesis seconds / seconds of speech made. Without a voice the row
/// says so and how to get one.
/// </summary>
public sealed class PiperBench : IBenchStage
{
    public string Stage => "synthesize";

    public int Order => 61;

    public Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context) => RowsAsync(context, Stage);

    /// <summary>The piper rows under a stage's name (the synthesize and voices stages both show them).</summary>
    public static async Task<IReadOnlyList<BenchRow>> RowsAsync(BenchContext context, string stage)
    {
        var engine = context.Services.GetRequiredService<PiperOnnxSynthesizer>();
        var status = await engine.CheckAsync(context.CancellationToken).ConfigureAwait(false);
        if (!status.Available)
            return [new BenchRow(stage, "piper", null, "not present: no Piper voice here", null, $"{status.Detail} -> {status.InstallHint}")];
        var rows = new List<BenchRow>();
        foreach (var voice in await engine.ListVoicesAsync(context.CancellationToken).ConfigureAwait(false))
        {
            var language = voice.Languages.FirstOrDefault()?.Split('-')[0] ?? "en";
            var lines = Lines(context, language);
            var clock = Stopwatch.StartNew();
            var seconds = 0.0;
            for (var i = 0; i < lines.Count; i++)
            {
                var clip = Path.Combine(context.WorkDirectory, $"piper-{i}.wav");
                await engine.SynthesizeAsync(new SpeechRequest(lines[i], language, voice.Name, clip),
                    new EngineContext { WorkDirectory = context.WorkDirectory, CancellationToken = context.CancellationToken }).ConfigureAwait(false);
                using var reader = new WavReader(clip);
                seconds += reader.Duration;
            }
            var rtf = seconds > 0 ? clock.Elapsed.TotalSeconds / seconds : (double?)null;
            rows.Add(new BenchRow(stage, "piper", rtf, string.Create(CultureInfo.InvariantCulture, $"{voice.Name}: {lines.Count} lines, {seconds:0.0} s of speech"),
                new Dictionary<string, double> { ["speech_seconds"] = Math.Round(seconds, 2), ["lines"] = lines.Count }, "RTF = synthesis seconds / speech seconds"));
        }
        return rows;
    }

    private static List<string> Lines(BenchContext context, string language)
    {
        if (context.SharedDataDirectory is { } shared)
        {
            var file = Path.Combine(shared, "sentences_8_languages", language == "en" ? "test.ref.txt" : $"test_{language}.ref.txt");
            if (File.Exists(file) && language != "en") return [File.ReadAllText(file).Trim()];
        }
        return TranscriptJson.Read(Path.Combine(context.TruthDirectory, "transcript.json")).Segments.Select(s => s.Text).Where(t => t.Length > 0).ToList();
    }
}
