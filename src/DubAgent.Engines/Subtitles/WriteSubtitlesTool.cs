using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Subtitles;

// The record, not the DubAgent.Engines.Translation namespace.
using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>The `write_subtitles` tool: .srt and .vtt for the source and/or target text of a transcript or translation.</summary>
public sealed class WriteSubtitlesTool : Tool<WriteSubtitlesArguments, WriteSubtitlesResult>
{
    public override string Name => "write_subtitles";

    public override string Description =>
        "Writes subtitles (.srt and .vtt) from a translation.json (source and/or target text) or a transcript.json, within "
        + "the limits subtitle editors use: at most 42 characters a line, two lines a cue, about 17 characters a second. "
        + "Long segments are split into several cues; fast cues are lengthened into the following silence. "
        + "Returns the file paths and, per language, cues written and cues still too fast to read.";

    public override async Task<WriteSubtitlesResult> InvokeAsync(WriteSubtitlesArguments arguments, ToolContext context)
    {
        if (string.IsNullOrWhiteSpace(arguments.Input))
            throw new InputException("No input was given.", "Pass the path of a translation.json (from translate) or a transcript.json as 'input'.");
        var path = InputFiles.RequireFile(context.Paths.CheckRead(arguments.Input, "input"), "input");
        var limits = Limits(arguments);
        var formats = Formats(arguments.Formats);
        var name = string.IsNullOrWhiteSpace(arguments.Name) ? "subtitles" : arguments.Name.Trim();
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(".."))
            throw new InputException($"name '{name}' is not a plain file name.", "Use letters, digits, '-' and '_'.");

        var tracks = ReadTracks(path, arguments.Text);
        var files = new List<string>();
        var summaries = new List<SubtitleTrackSummary>();
        foreach (var (language, kind, lines) in tracks)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var cues = CueBuilder.Build(lines, limits);
            foreach (var format in formats)
            {
                var file = context.Paths.CheckWrite(Path.Combine(context.WorkDirectory, $"{name}.{language}.{format}"), "output");
                var text = format == "srt" ? SrtWriter.Write(cues, arguments.SpeakerLabels) : VttWriter.Write(cues, arguments.SpeakerLabels);
                await AtomicFile.WriteAsync(file, t => File.WriteAllTextAsync(t, text, context.CancellationToken)).ConfigureAwait(false);
                files.Add(file);
            }
            var fast = cues.Count(c => c.CharsPerSecond > limits.MaxCharsPerSecond + 1e-9);
            summaries.Add(new SubtitleTrackSummary(language, kind, lines.Count, cues.Count, fast,
                cues.Count == 0 ? 0 : Math.Round(cues.Max(c => c.CharsPerSecond), 1)));
        }
        context.Report.Engine = "built-in";
        context.Report.Notes.AddRange(summaries.Select(s => $"{s.Language} ({s.Text}): {s.Cues} cues from {s.Segments} segments, {s.FastCues} above {limits.MaxCharsPerSecond} chars/s"));
        return new WriteSubtitlesResult { Files = files, Tracks = summaries };
    }

    private static List<(string Language, string Kind, List<SubtitleLine> Lines)> ReadTracks(string path, string? which)
    {
        var json = File.ReadAllText(path);
        bool isTranslation;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            isTranslation = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("target_language", out _);
        }
        catch (JsonException e)
        {
            throw new InputException($"The input '{path}' is not JSON: {e.Message}", "Give a translation.json or transcript.json.");
        }

        which = string.IsNullOrWhiteSpace(which) ? (isTranslation ? "both" : "source") : which.Trim().ToLowerInvariant();
        if (which is not ("source" or "target" or "both"))
            throw new InputException($"text '{which}' is not one of source, target, both.");
        var tracks = new List<(string, string, List<SubtitleLine>)>();
        if (isTranslation)
        {
            var translation = Deserialize<Translation>(json, path);
            if (which is "source" or "both")
                tracks.Add((translation.SourceLanguage, "source", translation.Segments.Select(s => new SubtitleLine(s.Start, s.End, s.Text, s.Speaker)).ToList()));
            if (which is "target" or "both")
                tracks.Add((translation.TargetLanguage, "target", translation.Segments.Select(s => new SubtitleLine(s.Start, s.End, s.TargetText, s.Speaker)).ToList()));
        }
        else
        {
            if (which != "source")
                throw new InputException($"'{path}' is a transcript: it has no target text.", "Run translate first and pass its translation.json, or use text: source.");
            var transcript = Deserialize<Transcript>(json, path);
            tracks.Add((transcript.Language, "source", transcript.Segments.Select(s => new SubtitleLine(s.Start, s.End, s.Text, s.Speaker)).ToList()));
        }
        foreach (var (language, _, lines) in tracks)
        {
            if (string.IsNullOrWhiteSpace(language) || language.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                throw new InputException($"'{path}' does not give a usable language code ('{language}').", "Set its language field to an ISO 639-1 code.");
            if (lines.Count == 0)
                throw new InputException($"'{path}' has no segments to subtitle.");
        }
        return tracks;
    }

    private static T Deserialize<T>(string json, string path) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, DubAgentJson.Options)
                ?? throw new InputException($"The input '{path}' is empty JSON.");
        }
        catch (JsonException e)
        {
            throw new InputException($"The input '{path}' is not a valid {typeof(T).Name.ToLowerInvariant()}.json: {e.Message}");
        }
    }

    private static SubtitleLimits Limits(WriteSubtitlesArguments a)
    {
        var limits = new SubtitleLimits();
        if (a.MaxLineLength is { } length && length is < 10 or > 200) throw new InputException($"max_line_length must be 10 to 200 (got {length}).");
        if (a.MaxLines is { } lines && lines is < 1 or > 4) throw new InputException($"max_lines must be 1 to 4 (got {lines}).");
        if (a.MaxCharsPerSecond is { } cps && cps is < 5 or > 60) throw new InputException($"max_chars_per_second must be 5 to 60 (got {cps}).");
        return limits with
        {
            MaxLineLength = a.MaxLineLength ?? limits.MaxLineLength,
            MaxLines = a.MaxLines ?? limits.MaxLines,
            MaxCharsPerSecond = a.MaxCharsPerSecond ?? limits.MaxCharsPerSecond,
        };
    }

    private static IReadOnlyList<string> Formats(List<string>? formats)
    {
        if (formats is null || formats.Count == 0) return ["srt", "vtt"];
        var result = formats.Select(f => f.Trim().TrimStart('.').ToLowerInvariant()).Distinct().ToList();
        var unknown = result.FirstOrDefault(f => f is not ("srt" or "vtt"));
        if (unknown is not null) throw new InputException($"Unknown subtitle format '{unknown}'.", "Use 'srt' and/or 'vtt'.");
        return result;
    }
}
