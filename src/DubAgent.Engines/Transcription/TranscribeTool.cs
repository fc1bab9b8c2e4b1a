using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Transcription;

/// <summary>The `transcribe` tool: audio or video (or subtitles) in, transcript.json out.</summary>
public sealed class TranscribeTool : Tool<TranscribeArguments, TranscribeResult>
{
    private const int PreviewLines = 4;

    public override string Name => "transcribe";

    public override string Description =>
        "Transcribes speech in an audio or video file (best: the vocals stem from separate_audio) into transcript.json: "
        + "segments with a stable id (seg_0001), start/end in seconds, text, confidence 0-1 and optional word timings. "
        + "Engine 'subtitles' imports an existing .srt/.vtt instead. Audio with no speech in it (silence, music, a clip too short "
        + "for a word) is an input error that says so, as there is nothing to translate or dub. "
        + "The result holds the path, counts, language and a preview. Next: diarize (who speaks), then translate.";

    public override string? Capability => Capabilities.Transcribe;

    public override async Task<TranscribeResult> InvokeAsync(TranscribeArguments arguments, ToolContext context)
    {
        var input = InputFiles.RequireFile(context.Paths.CheckRead(arguments.Input, "input"), "input");
        var language = NormaliseLanguage(arguments.Language);
        var engineName = arguments.Engine ?? (SubtitleCueReader.IsSubtitleFile(input) ? SubtitleTranscriber.EngineName : null);
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        var (engine, status) = await registry.ResolveAsync<ITranscriber>(Capabilities.Transcribe, engineName, context.CancellationToken)
            .ConfigureAwait(false);
        if (language is not null && engine.Languages.Count > 0 && !engine.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            throw new InputException($"The '{engine.Name}' engine cannot transcribe language '{language}'.",
                $"It supports: {string.Join(", ", engine.Languages)}. Choose another engine (e.g. whisper or openai) for '{language}'.");

        var transcript = await engine.TranscribeAsync(new TranscriptionRequest(input, language), context.ForEngine()).ConfigureAwait(false);
        transcript = TranscriptJson.WithIds(transcript with
        {
            LanguageCheck = transcript.LanguageCheck
                ?? new LanguageCheck(false, Note: $"not checked: the '{engine.Name}' engine cannot tell which language is spoken"),
            Segments = transcript.Segments.OrderBy(s => s.Start)
                .Select(s => arguments.Words == false ? s with { Words = null } : s)
                .ToList(),
        });

        if (!transcript.Segments.Any(s => !string.IsNullOrWhiteSpace(s.Text)))
            throw await NoSpeechAsync(input, engine, language, transcript, context).ConfigureAwait(false);

        var output = context.Paths.CheckWrite(
            Path.Combine(context.WorkDirectory, string.IsNullOrWhiteSpace(arguments.Output) ? "transcript.json" : arguments.Output), "output");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        AtomicFile.WriteAllText(output, TranscriptJson.ToJson(transcript));

        context.Report.Engine = engine.Name;
        context.Report.EngineVersion = status.Version;
        context.Report.MediaSeconds = transcript.TotalDuration;
        if (transcript.LanguageCheck?.Note is { } languageNote) context.Report.Notes.Add($"language: {languageNote}");

        var segments = transcript.Segments;
        return new TranscribeResult
        {
            TranscriptPath = output,
            Engine = engine.Name,
            Language = transcript.Language,
            Segments = segments.Count,
            Words = segments.Sum(s => s.Words?.Count ?? 0),
            TotalDuration = Math.Round(transcript.TotalDuration, 3),
            SpeechSeconds = Math.Round(segments.Sum(s => s.Duration), 3),
            MeanConfidence = segments.Count == 0 ? 0 : Math.Round(segments.Average(s => s.Confidence), 3),
            LanguageChecked = transcript.LanguageCheck!.Checked,
            LanguageCheck = transcript.LanguageCheck.Note,
            Preview = segments.Take(PreviewLines).Select(TranscriptJson.PreviewLine).ToList(),
        };
    }

    /// <summary>
    /// An empty transcript is not a result: the steps after transcribe would fail on it with a message that hides why
    /// (nothing to translate). The error names the file that was transcribed and how long it is.
    /// </summary>
    private static async Task<InputException> NoSpeechAsync(string input, ITranscriber engine, string? language, Transcript transcript,
        ToolContext context)
    {
        if (engine.Name == SubtitleTranscriber.EngineName)
            return new InputException($"No subtitle text was found in '{input}'.", "Check that the file holds numbered cues with text.");
        var seconds = transcript.TotalDuration;
        if (!(seconds > 0) && context.Services.GetService<IMediaToolkit>() is { } media)
            seconds = (await media.ProbeAsync(input, context.CancellationToken).ConfigureAwait(false)).Duration;
        var languages = engine.Languages.Count > 0 ? string.Join(", ", engine.Languages) : "any language";
        return new InputException(
            string.Create(CultureInfo.InvariantCulture, $"No speech was found in '{input}' ({seconds:0.0} s of audio)."),
            $"Check that the file has speech in it, that it is the right audio track, and that the spoken language{(language is null ? "" : $" ('{language}')")} "
            + $"is right: the '{engine.Name}' engine transcribes {languages}.");
    }

    private static string? NormaliseLanguage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase)) return null;
        var code = value.Trim().ToLowerInvariant();
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower))
            throw new InputException($"language '{value}' is not an ISO 639-1 code.", "Use a code such as 'en', 'es' or 'fr', or leave it out.");
        return code;
    }
}
