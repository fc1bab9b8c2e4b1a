using System.Diagnostics;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Dsp;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The vad rows: how well each speech detector finds speech (F1 of 10 ms speech frames, precision, recall, speech
/// share) and its real-time factor (detection only, on 16 kHz mono), on the demo's full mix (music and effects;
/// truth: the transcript's lines) and on pyannote_sample (truth: its RTTM). Silero's model comes from `Vad:Model` or
/// the model store, else from ../shared/models beside the clone.
/// </summary>
public sealed class SpeechDetectionBench : IBenchStage
{
    public string Stage => "vad";

    public int Order => 25;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var inputs = new List<(string Label, string Audio, IReadOnlyList<SpeechRegion> Truth)>();
        var truth = Path.Combine(context.TruthDirectory, "transcript.json");
        if (File.Exists(truth))
        {
            var media = context.Services.GetRequiredService<IMediaToolkit>();
            var (wav, _) = await Mono16kExtractor.PrepareAsync(media, context.DemoVideo, context.WorkDirectory, null, context.CancellationToken)
                .ConfigureAwait(false);
            inputs.Add(("demo video, full mix with music and effects", wav,
                TranscriptJson.Read(truth).Segments.Select(s => new SpeechRegion(s.Start, s.End)).ToList()));
        }
        if (context.SharedDataDirectory is { } shared && File.Exists(Path.Combine(shared, "pyannote_sample", "sample.rttm")))
            inputs.Add(("pyannote_sample (shared/data, telephone)", Path.Combine(shared, "pyannote_sample", "sample.wav"),
                Rttm.Read(Path.Combine(shared, "pyannote_sample", "sample.rttm")).Select(t => new SpeechRegion(t.Start, t.End)).ToList()));

        var rows = new List<BenchRow>();
        var (silero, missing) = Silero(context);
        if (silero is null) rows.Add(new BenchRow(Stage, SileroSpeechDetector.Name, null, null, Note: $"not available here: {missing}"));
        foreach (var detector in new ISpeechDetector?[] { silero, new EnergySpeechDetector() }.OfType<ISpeechDetector>())
        {
            foreach (var (label, audio, reference) in inputs)
                rows.Add(await MeasureAsync(detector, label, audio, reference, context).ConfigureAwait(false));
        }
        return rows;
    }

    private static (ISpeechDetector? Detector, string? Missing) Silero(BenchContext context)
    {
        var settings = SileroVadSettings.From(context.Services.GetRequiredService<IConfiguration>());
        var (path, missing) = SileroModelLocator.Locate(settings, context.Services.GetService<IModelStore>());
        if (path is null && context.SharedDataDirectory is { } data && File.Exists(Path.Combine(data, "..", "models", "silero_vad.onnx")))
            path = Path.GetFullPath(Path.Combine(data, "..", "models", "silero_vad.onnx"));
        if (path is null) return (null, $"{missing}; get it with `dubagent models pull silero-vad`, or set Vad:Model");
        var session = context.Services.GetRequiredService<InferenceSessionCache>().Get(path);
        return (new SileroSpeechDetector(session, settings), null);
    }

    private async Task<BenchRow> MeasureAsync(ISpeechDetector detector, string label, string audio, IReadOnlyList<SpeechRegion> reference,
        BenchContext context)
    {
        var clock = Stopwatch.StartNew();
        var found = await detector.DetectAsync(audio, null, context.CancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var duration = found.Activity.DurationSeconds;
        var score = SpeechFrameScore.Compute(reference, found.Activity.Regions, duration);
        var figures = new Dictionary<string, double>
        {
            ["f1"] = score.F1,
            ["precision"] = score.Precision,
            ["recall"] = score.Recall,
            ["speech_share"] = score.DetectedShare,
            ["truth_speech_share"] = score.ReferenceShare,
            ["media_seconds"] = duration,
            ["processing_seconds"] = seconds,
        };
        return new BenchRow(Stage, found.Detector, duration > 0 ? seconds / duration : null,
            $"F1 {score.F1:0.000} (precision {score.Precision:0.000}, recall {score.Recall:0.000}); speech {score.DetectedShare:0.00} vs truth {score.ReferenceShare:0.00}",
            figures, label);
    }
}
