using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.SpeechDetection;

namespace DubAgent.Engines.Analysis;

/// <summary>The `analyze_media` tool: streams, loudness, speech share, music presence and a content guess, plus media.json.</summary>
public sealed class AnalyzeMediaTool(IMediaToolkit media, LoudnessMeter loudness, ISpeechDetector speech) : Tool<AnalyzeMediaArguments, AnalyzeMediaResult>
{
    public const string MediaJsonFile = "media.json";

    /// <summary>Speech and music detection need no more than 16 kHz mono.</summary>
    private const int AnalysisRate = 16000;

    public override string Name => "analyze_media";

    public override string Description =>
        "Describes a video or audio file before dubbing: duration, streams, integrated loudness (LUFS) and true peak (EBU R128), " +
        "the share of time with speech (voice-activity detection), whether music is present, how the speech comes (turns, pauses, " +
        "long gaps) and how loud the pauses are, and a content guess, 'dialogue' (talk show, interview, lecture, audiobook: route " +
        "separation to the MDX-Net vocal models) or 'cinematic' (film, series, music or effects under speech: route to demucs), " +
        "with the rule that fired and the figures it rests on. Writes media.json. Usually the first step; separate_audio follows.";

    public override async Task<AnalyzeMediaResult> InvokeAsync(AnalyzeMediaArguments arguments, ToolContext context)
    {
        var token = context.CancellationToken;
        var input = context.Paths.CheckRead(InputFiles.RequireFile(arguments.Input, "input"), "input");
        var info = await media.ProbeAsync(input, token).ConfigureAwait(false);
        var audio = info.FirstAudio;
        context.Report.MediaSeconds = info.Duration;

        LoudnessMeasurement? level = null;
        SoundtrackFigures? figures = null;
        string? detector = null;
        (string Guess, IReadOnlyList<string> Reasons)? guess = null;
        if (audio is not null)
        {
            if (arguments.Loudness)
            {
                context.Progress.Report(new ProgressUpdate(0.05, "measuring loudness"));
                level = await loudness.MeasureAsync(input, token).ConfigureAwait(false);
            }
            (figures, detector) = await AnalyzeSoundtrackAsync(input, context).ConfigureAwait(false);
            guess = ContentGuess.Decide(figures);
        }

        var result = new AnalyzeMediaResult
        {
            DurationSeconds = Math.Round(info.Duration, 3),
            Container = info.Container,
            Streams = info.Streams.Select(Describe).ToList(),
            HasVideo = info.FirstVideo is not null,
            HasAudio = audio is not null,
            IntegratedLufs = Finite(level?.IntegratedLufs),
            TruePeakDbtp = Finite(level?.TruePeakDbtp),
            LoudnessRangeLu = Finite(level?.LoudnessRangeLu),
            SpeechRatio = Round(figures?.SpeechRatio, 3),
            SpeechSeconds = Round(figures?.SpeechSeconds, 2),
            SpeechDetector = detector,
            MusicPresent = figures is null ? null : figures.MusicRatio >= ContentGuess.MusicRatioThreshold,
            MusicRatio = Round(figures?.MusicRatio, 3),
            BackgroundToSpeechDb = Round(figures?.BackgroundToSpeechDb, 1),
            LoudEventRatio = Round(figures?.LoudEventRatio, 3),
            SpeechTurns = figures?.Turns.Count,
            SpeechTurnsPerMinute = Round(figures?.Turns.PerMinute, 1),
            MedianPauseSeconds = Round(figures?.Turns.MedianPauseSeconds, 2),
            LongGapRatio = Round(figures?.Turns.LongGapRatio, 3),
            ContentGuess = guess?.Guess,
            ContentReasons = guess?.Reasons.ToList() ?? ["no audio stream: nothing to dub"],
            MediaJson = Path.Combine(context.WorkDirectory, MediaJsonFile),
        };
        Directory.CreateDirectory(context.WorkDirectory);
        AtomicFile.WriteAllText(result.MediaJson, JsonSerializer.Serialize(new { input, result, streams = info.Streams }, DubAgentJson.Options));
        context.Progress.Report(new ProgressUpdate(1, "analysis written"));
        return result;
    }

    private async Task<(SoundtrackFigures Figures, string Detector)> AnalyzeSoundtrackAsync(string input, ToolContext context)
    {
        var temporary = Path.Combine(context.WorkDirectory, $".analysis-{Guid.NewGuid():N}.wav");
        try
        {
            context.Progress.Report(new ProgressUpdate(0.3, "decoding the soundtrack"));
            await media.ExtractAudioAsync(input, temporary, AnalysisRate, 1, SampleEncoding.Pcm16, null, context.CancellationToken).ConfigureAwait(false);
            var speaking = new Progress<double>(f => context.Progress.Report(new ProgressUpdate(0.5 + 0.25 * f, "detecting speech")));
            var detection = await speech.DetectAsync(temporary, speaking, context.CancellationToken).ConfigureAwait(false);
            if (detection.Note is { } note) context.Report.Notes.Add(note);
            var progress = new Progress<double>(f => context.Progress.Report(new ProgressUpdate(0.75 + 0.2 * f, "detecting music")));
            var figures = await Task.Run(() => new SoundtrackAnalyzer().Analyze(temporary, detection.Activity, progress, context.CancellationToken),
                context.CancellationToken).ConfigureAwait(false);
            return (figures, detection.Detector);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string Describe(MediaStream s)
    {
        var text = s.Kind switch
        {
            StreamKind.Video => string.Create(CultureInfo.InvariantCulture, $"#{s.Index} video {s.Codec} {s.Width}x{s.Height} {s.FrameRate:0.##} fps"),
            StreamKind.Audio => string.Create(CultureInfo.InvariantCulture, $"#{s.Index} audio {s.Codec} {s.SampleRate} Hz {s.Channels} ch {s.ChannelLayout}").TrimEnd(),
            _ => $"#{s.Index} {s.Kind.ToString().ToLowerInvariant()} {s.Codec}",
        };
        return s.Language is { } language ? $"{text} [{language}]" : text;
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? Math.Round(x, 2) : null;

    private static double? Round(double? v, int digits) => v is { } x ? Math.Round(x, digits) : null;
}
