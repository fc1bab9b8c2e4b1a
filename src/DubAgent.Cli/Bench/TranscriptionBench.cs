using System.Diagnostics;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Transcription.Whisper;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The transcribe rows: word error rate against ground truth and real-time factor, for every speech engine that can
/// run here, on the demo's clean dialogue stem (espeak voices) and on the English clip in shared/data (jfk).
/// Engines that cannot run get a row saying what is missing. Whisper has its own rows, one per stored model
/// (<see cref="WhisperTranscriptionBench"/>).
/// </summary>
public sealed class TranscriptionBench : IBenchStage
{
    public string Stage => "transcribe";

    public int Order => 30;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var inputs = await InputsAsync(context).ConfigureAwait(false);
        var rows = new List<BenchRow>();
        foreach (var engine in registry.ForCapability(Capabilities.Transcribe).OfType<ITranscriber>())
        {
            if (engine.Name == "subtitles") continue; // imports text; nothing to recognise
            if (engine.Name == WhisperTranscriber.EngineName) continue; // measured per model by WhisperTranscriptionBench
            var status = await registry.StatusAsync(engine, context.CancellationToken).ConfigureAwait(false);
            if (!status.Available)
            {
                rows.Add(new BenchRow(Stage, engine.Name, null, null, Note: $"not available here: {status.Detail} ({status.InstallHint})"));
                continue;
            }
            foreach (var (label, audio, reference) in inputs)
                rows.Add(await MeasureAsync(engine, engine.Name, null, label, audio, reference, context).ConfigureAwait(false));
        }
        return rows;
    }

    /// <summary>The recordings with a reference text: the demo's dialogue stem and jfk from shared/data, when present.</summary>
    internal static async Task<IReadOnlyList<(string Label, string Audio, string Reference)>> InputsAsync(BenchContext context)
    {
        var inputs = new List<(string Label, string Audio, string Reference)>();
        var truth = Path.Combine(context.TruthDirectory, "transcript.json");
        var vocals = Path.Combine(context.TruthDirectory, "vocals.wav");
        if (File.Exists(truth) && File.Exists(vocals))
        {
            var transcript = TranscriptJson.Read(truth);
            inputs.Add(("demo vocals (espeak)", vocals, string.Join(' ', transcript.Segments.Select(s => s.Text))));
        }
        if (context.SharedDataDirectory is { } shared && File.Exists(Path.Combine(shared, "jfk", "jfk.wav")))
            inputs.Add(("jfk (shared/data)", Path.Combine(shared, "jfk", "jfk.wav"),
                await File.ReadAllTextAsync(Path.Combine(shared, "jfk", "jfk.ref.txt"), context.CancellationToken).ConfigureAwait(false)));
        return inputs;
    }

    /// <summary>One engine on one recording: WER against the reference and the real-time factor, as a row named <paramref name="rowEngine"/>.</summary>
    internal static async Task<BenchRow> MeasureAsync(ITranscriber engine, string rowEngine, IReadOnlyDictionary<string, string>? options, string label,
        string audio, string reference, BenchContext context)
    {
        var work = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, $"{engine.Name}-{Guid.NewGuid():N}")).FullName;
        var clock = Stopwatch.StartNew();
        var transcript = await engine.TranscribeAsync(new TranscriptionRequest(audio, "en", options),
            new EngineContext { WorkDirectory = work, CancellationToken = context.CancellationToken }).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var wer = WerScore.Compute(reference, string.Join(' ', transcript.Segments.Select(s => s.Text)));
        var figures = new Dictionary<string, double>
        {
            ["wer"] = wer.Rate,
            ["substitutions"] = wer.Substitutions,
            ["deletions"] = wer.Deletions,
            ["insertions"] = wer.Insertions,
            ["reference_words"] = wer.ReferenceWords,
            ["segments"] = transcript.Segments.Count,
            ["media_seconds"] = transcript.TotalDuration,
            ["processing_seconds"] = seconds,
        };
        return new BenchRow("transcribe", rowEngine, transcript.TotalDuration > 0 ? seconds / transcript.TotalDuration : null,
            $"WER {wer.Rate:P1} ({wer.Substitutions} sub, {wer.Deletions} del, {wer.Insertions} ins of {wer.ReferenceWords} words)", figures, label);
    }
}
