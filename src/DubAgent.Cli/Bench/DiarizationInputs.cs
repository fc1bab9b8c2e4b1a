using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Diarization;

namespace DubAgent.Cli.Bench;

/// <summary>One recording the diarize rows score, with its reference speaker turns.</summary>
public sealed record DiarizationInput(string Label, string Audio, IReadOnlyList<SpeakerTurn> Reference)
{
    public int Speakers => Reference.Select(t => t.Speaker).Distinct().Count();
}

/// <summary>
/// The diarize rows' recordings: the demo's dialogue stem and full mix (truth transcript), pyannote_sample (reference
/// RTTM), and two single speakers from shared/data, jfk and video_en_speech, whose reference times are approximate
/// (another engine's segments, ±0.5 s utterances) but whose speaker count, one, is certain.
/// </summary>
public static class DiarizationInputs
{
    public static IReadOnlyList<DiarizationInput> From(BenchContext context)
    {
        var inputs = new List<DiarizationInput>();
        var truth = Path.Combine(context.TruthDirectory, "transcript.json");
        if (File.Exists(truth))
        {
            var reference = Demo(context);
            var vocals = Path.Combine(context.TruthDirectory, "vocals.wav");
            if (File.Exists(vocals)) inputs.Add(new("demo vocals stem (goal ≤ 3 %)", vocals, reference));
            inputs.Add(new("demo video, full mix with music and effects", context.DemoVideo, reference));
        }
        if (context.SharedDataDirectory is not { } shared) return inputs;
        var sample = Path.Combine(shared, "pyannote_sample");
        if (File.Exists(Path.Combine(sample, "sample.rttm")))
            inputs.Add(new("pyannote_sample (shared/data, telephone; goal ≤ 8 % / 15 %)", Path.Combine(sample, "sample.wav"), Rttm.Read(Path.Combine(sample, "sample.rttm"))));
        var jfk = Path.Combine(shared, "jfk");
        if (File.Exists(Path.Combine(jfk, "jfk.segments_ml16.tsv")))
            inputs.Add(new("jfk (shared/data, one speaker; approximate times)", Path.Combine(jfk, "jfk.wav"), Tsv(Path.Combine(jfk, "jfk.segments_ml16.tsv"), "jfk")));
        var video = Path.Combine(shared, "video_en_speech");
        if (File.Exists(Path.Combine(video, "englishvideo.utterances.tsv")))
            inputs.Add(new("video_en_speech (shared/data, one speaker; approximate times)", Path.Combine(video, "englishvideo.mp4"),
                Tsv(Path.Combine(video, "englishvideo.utterances.tsv"), "jordi")));
        return inputs;
    }

    /// <summary>The demo's true turns: its transcript's lines with their speakers.</summary>
    public static IReadOnlyList<SpeakerTurn> Demo(BenchContext context) =>
        TranscriptJson.Read(Path.Combine(context.TruthDirectory, "transcript.json")).Segments
            .Where(s => s.Speaker is not null).Select(s => new SpeakerTurn(s.Start, s.End, s.Speaker!)).ToList();

    /// <summary>A start/end table (header line first) as turns of one speaker.</summary>
    private static IReadOnlyList<SpeakerTurn> Tsv(string path, string speaker) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length >= 2)
            .Select(p => new SpeakerTurn(double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture), speaker))
            .ToList();
}
