using System.Globalization;
using DubAgent.Abstractions.Domain;
using DubAgent.Core.Voices;
using DubAgent.Engines.Diarization;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The voice library's rows: speaker matching (same speaker across the two halves of a recording against different
/// speakers), casting across jobs (each recording cut in two, a job on each, one library): voices per true speaker,
/// and piper's RTF for each Piper voice present (the row says "not present" otherwise).
/// </summary>
public sealed class VoicesBench : IBenchStage
{
    public string Stage => "voices";

    public int Order => 65;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var rows = new List<BenchRow>();
        rows.Add(await MatchingCalibration.RowAsync(context).ConfigureAwait(false));
        foreach (var input in DiarizationInputs.From(context).Where(i => !i.Label.StartsWith("demo video", StringComparison.Ordinal) && !i.Label.StartsWith("jfk", StringComparison.Ordinal)))
            rows.Add(await CastingRowAsync(context, input).ConfigureAwait(false));
        rows.AddRange(await PiperBench.RowsAsync(context, Stage).ConfigureAwait(false));
        return rows;
    }

    private static async Task<BenchRow> CastingRowAsync(BenchContext context, DiarizationInput input)
    {
        var work = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, $"casting-{Guid.NewGuid():N}")).FullName;
        var library = new SqliteVoiceLibrary(new VoiceLibraryOptions { Directory = Path.Combine(work, "library") });
        var end = input.Reference.Max(t => t.End);
        var cut = CutBetweenTurns(input.Reference, end / 2);
        var speakers = input.Speakers;
        var result = await new CrossJobCasting(context.Services, library)
            .RunAsync(input.Audio, input.Reference, cut, work, speakers, context.CancellationToken).ConfigureAwait(false);
        var reused = result.Casts[^1].Count(c => c.Source == "library");
        var (kept, inBoth) = result.KeptMainVoice;
        var label = input.Label.Split(" (")[0];
        return new BenchRow("voices", "casting (espeak-ng, mfcc, remember)", result.SynthesisSeconds / end,
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: voices per true speaker over two jobs {result.MeanVoicesPerTrueSpeaker:0.##} (1 is perfect); {kept}/{inBoth} kept their main voice in job 2; job 2 took {reused}/{result.Casts[^1].Count} voices from the library"),
            new Dictionary<string, double>
            {
                ["voices_per_true_speaker"] = Math.Round(result.MeanVoicesPerTrueSpeaker, 3),
                ["true_speakers"] = result.VoicesPerTrueSpeaker.Count,
                ["job2_from_library"] = reused,
                ["kept_main_voice"] = kept,
                ["true_speakers_in_both"] = inBoth,
                ["job2_speakers"] = result.Casts[^1].Count,
            },
            $"cut at {cut:0.0} s of {end:0.0} s; " + string.Join("; ", result.VoicesPerTrueSpeaker.Select(p => $"{p.Key}: {string.Join("+", p.Value)}")));
    }

    /// <summary>The gap between turns nearest <paramref name="middle"/> (a cut inside a line would split the line between jobs).</summary>
    public static double CutBetweenTurns(IReadOnlyList<SpeakerTurn> turns, double middle)
    {
        var gaps = turns.OrderBy(t => t.Start).Select(t => t.End)
            .Where(e => !turns.Any(o => o.Start < e && o.End > e + 0.01)).ToList();
        return gaps.Count == 0 ? middle : gaps.MinBy(g => Math.Abs(g - middle)) + 0.01;
    }
}
