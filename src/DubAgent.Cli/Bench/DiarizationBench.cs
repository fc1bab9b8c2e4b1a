using System.Diagnostics;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Diarization;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The diarize rows: diarization error rate with the usual 0.25 s collar and without one, speakers found, and
/// real-time factor, for every diarization engine that can run here, on each of <see cref="DiarizationInputs"/>: with
/// the count found automatically and, where there is more than one speaker, with the true count given.
/// </summary>
public sealed class DiarizationBench : IBenchStage
{
    public string Stage => "diarize";

    public int Order => 40;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var inputs = DiarizationInputs.From(context);
        var rows = new List<BenchRow>();
        foreach (var engine in registry.ForCapability(Capabilities.Diarize).OfType<IDiarizer>())
        {
            var status = await registry.StatusAsync(engine, context.CancellationToken).ConfigureAwait(false);
            if (!status.Available)
            {
                rows.Add(new BenchRow(Stage, engine.Name, null, null, Note: $"not available here: {status.Detail} ({status.InstallHint})"));
                continue;
            }
            foreach (var input in inputs)
            {
                rows.Add(await MeasureAsync(engine, input, null, context).ConfigureAwait(false));
                if (input.Speakers > 1) rows.Add(await MeasureAsync(engine, input, input.Speakers, context).ConfigureAwait(false));
            }
        }
        return rows;
    }

    private async Task<BenchRow> MeasureAsync(IDiarizer engine, DiarizationInput input, int? given, BenchContext context)
    {
        var work = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, $"{engine.Name}-{Guid.NewGuid():N}")).FullName;
        var media = context.Services.GetRequiredService<Abstractions.Media.IMediaToolkit>();
        var duration = (await media.ProbeAsync(input.Audio, context.CancellationToken).ConfigureAwait(false)).Duration;
        var clock = Stopwatch.StartNew();
        var turns = await engine.DiarizeAsync(new DiarizationRequest(input.Audio, given),
            new EngineContext { WorkDirectory = work, CancellationToken = context.CancellationToken }).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var figures = Figures(input.Reference, turns);
        figures["media_seconds"] = duration;
        figures["processing_seconds"] = seconds;
        if (given is { } count) figures["speakers_given"] = count;
        return new BenchRow(Stage, engine.Name, duration > 0 ? seconds / duration : null, Quality(figures),
            figures, $"{input.Label}, {(given is null ? "count found" : $"count given ({given})")}");
    }

    /// <summary>DER with and without collar, its parts, and the speaker counts, as bench figures.</summary>
    public static Dictionary<string, double> Figures(IReadOnlyList<SpeakerTurn> reference, IReadOnlyList<SpeakerTurn> turns)
    {
        var collared = DerScore.Compute(reference, turns, collar: 0.25);
        var strict = DerScore.Compute(reference, turns, collar: 0);
        return new Dictionary<string, double>
        {
            ["der_collar_0.25"] = collared.Rate,
            ["der_no_collar"] = strict.Rate,
            ["missed_seconds"] = strict.Missed,
            ["false_alarm_seconds"] = strict.FalseAlarm,
            ["confusion_seconds"] = strict.Confusion,
            ["speakers_found"] = turns.Select(t => t.Speaker).Distinct().Count(),
            ["speakers_true"] = reference.Select(t => t.Speaker).Distinct().Count(),
            ["overlap_share"] = OverlapShare.Of(turns),
            ["overlap_share_true"] = OverlapShare.Of(reference),
        };
    }

    public static string Quality(IReadOnlyDictionary<string, double> f) =>
        $"DER {f["der_collar_0.25"]:P1} (0.25 s collar), {f["der_no_collar"]:P1} (no collar); {f["speakers_found"]}/{f["speakers_true"]} speakers; overlap {f["overlap_share"]:P1} (true {f["overlap_share_true"]:P1})";
}
