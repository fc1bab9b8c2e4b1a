using System.Diagnostics;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Transcription;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The diarize rows: diarization error rate with the usual 0.25 s collar and without one, speakers found, and
/// real-time factor, for every diarization engine that can run here: on the demo's dialogue stem and its full mix
/// (against the demo's ground-truth speakers) and on the two-speaker conversation in shared/data (reference RTTM).
/// </summary>
public sealed class DiarizationBench : IBenchStage
{
    public string Stage => "diarize";

    public int Order => 40;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var inputs = new List<(string Label, string Audio, IReadOnlyList<SpeakerTurn> Reference)>();
        var truth = Path.Combine(context.TruthDirectory, "transcript.json");
        if (File.Exists(truth))
        {
            var transcript = TranscriptJson.Read(truth);
            var reference = transcript.Segments.Where(s => s.Speaker is not null).Select(s => new SpeakerTurn(s.Start, s.End, s.Speaker!)).ToList();
            var vocals = Path.Combine(context.TruthDirectory, "vocals.wav");
            if (File.Exists(vocals)) inputs.Add(("demo vocals stem (goal < 10 %)", vocals, reference));
            inputs.Add(("demo video, full mix with music and effects", context.DemoVideo, reference));
        }
        if (context.SharedDataDirectory is { } shared && File.Exists(Path.Combine(shared, "pyannote_sample", "sample.rttm")))
            inputs.Add(("pyannote_sample (shared/data, telephone)", Path.Combine(shared, "pyannote_sample", "sample.wav"),
                Rttm.Read(Path.Combine(shared, "pyannote_sample", "sample.rttm"))));

        var rows = new List<BenchRow>();
        foreach (var engine in registry.ForCapability(Capabilities.Diarize).OfType<IDiarizer>())
        {
            var status = await registry.StatusAsync(engine, context.CancellationToken).ConfigureAwait(false);
            if (!status.Available)
            {
                rows.Add(new BenchRow(Stage, engine.Name, null, null, Note: $"not available here: {status.Detail} ({status.InstallHint})"));
                continue;
            }
            foreach (var (label, audio, reference) in inputs)
                rows.Add(await MeasureAsync(engine, label, audio, reference, context).ConfigureAwait(false));
        }
        return rows;
    }

    private async Task<BenchRow> MeasureAsync(IDiarizer engine, string label, string audio, IReadOnlyList<SpeakerTurn> reference, BenchContext context)
    {
        var work = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, $"{engine.Name}-{Guid.NewGuid():N}")).FullName;
        var media = context.Services.GetRequiredService<Abstractions.Media.IMediaToolkit>();
        var duration = (await media.ProbeAsync(audio, context.CancellationToken).ConfigureAwait(false)).Duration;
        var clock = Stopwatch.StartNew();
        var turns = await engine.DiarizeAsync(new DiarizationRequest(audio),
            new EngineContext { WorkDirectory = work, CancellationToken = context.CancellationToken }).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var collared = DerScore.Compute(reference, turns, collar: 0.25);
        var strict = DerScore.Compute(reference, turns, collar: 0);
        var found = turns.Select(t => t.Speaker).Distinct().Count();
        var expected = reference.Select(t => t.Speaker).Distinct().Count();
        var figures = new Dictionary<string, double>
        {
            ["der_collar_0.25"] = collared.Rate,
            ["der_no_collar"] = strict.Rate,
            ["missed_seconds"] = strict.Missed,
            ["false_alarm_seconds"] = strict.FalseAlarm,
            ["confusion_seconds"] = strict.Confusion,
            ["speakers_found"] = found,
            ["speakers_true"] = expected,
            ["media_seconds"] = duration,
            ["processing_seconds"] = seconds,
        };
        return new BenchRow(Stage, engine.Name, duration > 0 ? seconds / duration : null,
            $"DER {collared.Rate:P1} (0.25 s collar), {strict.Rate:P1} (no collar); {found}/{expected} speakers", figures, label);
    }
}
