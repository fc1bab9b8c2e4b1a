using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Export;

/// <summary>The `export` tool: one dubbed video per language or cast, subtitles beside them, and one package zip.</summary>
public sealed class ExportTool(IMediaToolkit media) : Tool<ExportArguments, ExportResult>
{
    private const int MaxRecipeChars = 64 * 1024;

    public override string Name => "export";

    public override string Description =>
        "Exports the dubbed video: the source's video stream copied untouched, the mix (mix.wav from mix) as AAC with its " +
        "language tag, optionally the original audio as a second track and the subtitles (.srt/.vtt from write_subtitles) as " +
        "a subtitle stream; audio and video end together. Subtitles are also written as files beside each video. Several " +
        "languages or voice casts go in 'dubs': one video each ('{voice or language}_{video name}_dubbed.mp4') and one " +
        "package zip with the videos, subtitles, transcript, translations and a manifest.json per video (voices and engines " +
        "per speaker, language, volumes, measured loudness, engines per stage, recipe, and every stem given in 'stems', such as the " +
        "M&E track, which go into the package under stems/). A source without a video stream is " +
        "exported as audio only (.m4a). Each file is checked before it gets its name: audio and video must end within one " +
        "frame (a truncated source is refused), and when AAC encoding pushed the dub's true peak over -1 dBTP it is encoded " +
        "again with less gain. Returns the paths and, per video, the audio/video length difference and the measured loudness.";

    public override async Task<ExportResult> InvokeAsync(ExportArguments arguments, ToolContext context)
    {
        var ct = context.CancellationToken;
        var dubs = DubsOf(arguments, context.Paths);
        var bitrate = Bitrate(arguments.AudioBitrate);
        var videoPath = InputPath.Require(context.Paths, arguments.Video, "video");
        var source = await media.ProbeAsync(videoPath, ct).ConfigureAwait(false);
        if (arguments.KeepOriginalAudio && source.FirstAudio is null)
            throw new InputException($"keep_original_audio is set but '{arguments.Video}' has no audio track.", "Set keep_original_audio to false.");
        var audioOnly = source.FirstVideo is null;
        var notes = new List<string>();
        if (audioOnly)
            notes.Add($"'{Path.GetFileName(videoPath)}' has no video stream: each dub is exported as audio only (.m4a).");

        var sourceSubtitles = (arguments.SourceSubtitles ?? [])
            .Select(p => SubtitleFile.From(InputPath.Require(context.Paths, p, "source_subtitles"), arguments.SourceLanguage, "source_subtitles")).ToList();
        var transcript = arguments.Transcript is null ? null : InputPath.Require(context.Paths, arguments.Transcript, "transcript");
        var stems = await StemsOfAsync(arguments, context.Paths, ct).ConfigureAwait(false);
        var provenance = JobProvenance.From(context.Provenance);
        var recipe = RecipeOf(arguments, provenance, context.Paths);
        var work = InputFiles.RequireWritableDirectory(context.WorkDirectory, "work directory");

        var videos = new List<ExportedVideo>();
        var package = new List<(string EntryName, string FilePath)>();
        for (var i = 0; i < dubs.Count; i++)
        {
            var dub = dubs[i];
            var progress = new ProgressSlice(context.Progress, (double)i / dubs.Count, (i + 1.0) / dubs.Count, $"export {dub.Language}");
            var (video, manifest, files) = await ExportOneAsync(dub, source, audioOnly, arguments, sourceSubtitles, transcript,
                stems, provenance, recipe, bitrate, work, notes, progress, ct).ConfigureAwait(false);
            videos.Add(video);
            var stem = Path.GetFileNameWithoutExtension(video.Path);
            package.Add(($"{stem}/{Path.GetFileName(video.Path)}", video.Path));
            package.Add(($"{stem}/manifest.json", manifest));
            package.AddRange(files.Select(f => ($"{stem}/{Path.GetFileName(f)}", f)));
            if (dub.Translation is not null) package.Add(($"{stem}/translation.json", dub.Translation));
        }
        if (transcript is not null) package.Add(("transcript.json", transcript));
        if (arguments.PackageStems) package.AddRange(stems.Select(s => (StemEntry(s.Name, s.Path), s.Path)));

        string? zip = null;
        if (arguments.Package)
        {
            zip = Path.Combine(work, $"{DubbedFileName.Clean(Path.GetFileNameWithoutExtension(videoPath))}_dubbed.zip");
            await PackageWriter.WriteAsync(zip, package, ct).ConfigureAwait(false);
        }

        context.Report.Engine = "ffmpeg";
        context.Report.MediaSeconds = source.Duration * dubs.Count;
        context.Report.Notes.AddRange(notes);
        foreach (var v in videos)
            context.Report.Notes.Add($"{Path.GetFileName(v.Path)}: {v.IntegratedLufs:0.0} LUFS, {v.TruePeakDbtp:0.0} dBTP, audio-video {v.AudioVideoDifferenceMs:0.#} ms");
        return new ExportResult { Videos = videos, PackagePath = zip, PackageEntries = arguments.Package ? package.Count : 0, Notes = notes };
    }

    private async Task<(ExportedVideo Video, string Manifest, IReadOnlyList<string> SidecarFiles)> ExportOneAsync(
        DubSpec dub, MediaInfo source, bool audioOnly, ExportArguments arguments, IReadOnlyList<SubtitleFile> sourceSubtitles,
        string? transcript, IReadOnlyList<HandedStem> stems, JobProvenance provenance, ManifestRecipe? recipe, string bitrate, string work, List<string> notes,
        IProgress<ProgressUpdate> progress, CancellationToken ct)
    {
        var stem = DubbedFileName.Stem(dub.Voice, dub.Language, source.Path);
        var output = Path.Combine(work, stem + (audioOnly ? ".m4a" : ".mp4"));
        var subtitles = (dub.Subtitles ?? []).Select(p => SubtitleFile.From(p, dub.Language, "subtitles")).Concat(sourceSubtitles).ToList();

        var dubTitle = string.IsNullOrWhiteSpace(dub.Voice) ? $"Dub ({dub.Language})" : $"Dub ({dub.Language}, {dub.Voice})";
        var tracks = new List<AudioTrack> { new(dub.Mix, dub.Language, dubTitle) };
        if (arguments.KeepOriginalAudio) tracks.Add(new AudioTrack(source.Path, arguments.SourceLanguage, "Original"));
        // One stream per language is enough for players; the .srt wins over the .vtt of the same text.
        var embedded = arguments.EmbedSubtitles && !audioOnly
            ? subtitles.OrderBy(s => s.Extension == ".srt" ? 0 : 1).DistinctBy(s => s.Language).ToHashSet()
            : [];
        var embeddedSubtitles = subtitles.Where(embedded.Contains).Select(s => (s.Path, (string?)s.Language)).ToList();
        // Only the dub track (the first) gets the gain: the original track is the source's own sound.
        Task Encode(string path, double gainDb)
        {
            var gained = tracks.Select((t, i) => i == 0 ? t with { GainDb = gainDb } : t).ToList();
            return audioOnly
                ? media.WriteAudioOnlyAsync(gained, path, source.Duration, bitrate, progress, ct)
                : media.WriteVideoAsync(source, gained, path, bitrate, embeddedSubtitles, progress, ct);
        }
        var written = await new DubbedFileWriter(media).WriteAsync(output, source.Path, Encode, ct).ConfigureAwait(false);
        var loudness = written.Peaks.Final;
        notes.AddRange(written.Peaks.NotesFor(Path.GetFileName(output)));

        var sidecars = new List<string>();
        foreach (var subtitle in subtitles)
        {
            var name = $"{stem}.{subtitle.Language}{subtitle.Extension}";
            for (var n = 2; sidecars.Contains(Path.Combine(work, name)); n++) name = $"{stem}.{subtitle.Language}-{n}{subtitle.Extension}";
            var target = Path.Combine(work, name);
            await AtomicFile.WriteAsync(target, t => { File.Copy(subtitle.Path, t, overwrite: true); return Task.CompletedTask; }).ConfigureAwait(false);
            sidecars.Add(target);
        }

        var difference = written.Lengths?.DifferenceMs ?? 0;
        var frame = written.Lengths?.FrameMs ?? 0;
        var mixRecord = MixRecord(dub.Mix);
        var (speakers, synthesisEngine) = dub.Placements is null ? ([], null) : SpeakerVoices.Read(dub.Placements);
        var engines = new SortedDictionary<string, string>(provenance.Engines.ToDictionary(), StringComparer.Ordinal);
        if (synthesisEngine is not null) engines.TryAdd("synthesize", synthesisEngine);
        // translation.json and transcript.json name their engine too: enough when no job record is at hand.
        if (EngineNamedIn(dub.Translation) is { } translator) engines.TryAdd("translate", translator);
        if (EngineNamedIn(transcript) is { } transcriber) engines.TryAdd("transcribe", transcriber);
        if (mixRecord is not null) engines.TryAdd("mix", "ffmpeg");
        engines["export"] = "ffmpeg";

        var manifest = new ExportManifest
        {
            Video = Path.GetFileName(output),
            SourceVideo = Path.GetFileName(source.Path),
            Language = dub.Language,
            SourceLanguage = arguments.SourceLanguage,
            Voice = dub.Voice,
            DurationSeconds = Math.Round(written.Info.Duration, 3),
            AudioVideoDifferenceMs = Math.Round(difference, 2),
            AudioOnly = audioOnly,
            AudioTracks = tracks.Select((t, i) => new ManifestAudioTrack(i, t.Language ?? "und", t.Title ?? "", i == 0)).ToList(),
            Subtitles = sidecars.Select((f, i) => new ManifestSubtitle(Path.GetFileName(f), subtitles[i].Language, embedded.Contains(subtitles[i]))).ToList(),
            Speakers = speakers,
            Volumes = mixRecord?.Volumes,
            MixLoudness = mixRecord?.Loudness,
            Loudness = new ManifestLoudness(loudness.IntegratedLufs, loudness.LoudnessRangeLu, loudness.TruePeakDbtp,
                LoudnessTarget.PromisedCeilingDbtp, Math.Round(written.Peaks.GainDb, 2), written.Peaks.Encodes),
            Engines = engines,
            Recipe = recipe,
            Translation = dub.Translation is null ? null : "translation.json",
            Transcript = transcript is null ? null : "../transcript.json",
            Stems = stems.Select(s => new ManifestStem(s.Name,
                arguments.PackageStems && arguments.Package ? "../" + StemEntry(s.Name, s.Path) : Path.GetFileName(s.Path),
                arguments.PackageStems && arguments.Package, s.SampleRate, s.Channels, s.DurationSeconds)).ToList(),
            Created = DateTimeOffset.UtcNow,
        };
        var manifestPath = Path.Combine(work, $"{stem}.manifest.json");
        AtomicFile.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, DubAgentJson.Options));
        var video = new ExportedVideo(output, dub.Language, dub.Voice, manifestPath, sidecars, written.Info.Duration, difference, frame,
            loudness.IntegratedLufs, loudness.TruePeakDbtp, audioOnly, Math.Round(written.Peaks.GainDb, 2), written.Peaks.Encodes);
        return (video, manifestPath, sidecars);
    }

    /// <summary>A stem to hand over, checked and probed before any video is written.</summary>
    private sealed record HandedStem(string Name, string Path, int SampleRate, int Channels, double DurationSeconds);

    private async Task<IReadOnlyList<HandedStem>> StemsOfAsync(ExportArguments a, IPathPolicy paths, CancellationToken ct)
    {
        var stems = new List<HandedStem>();
        foreach (var (name, file) in (a.Stems ?? []).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                throw new InputException($"The stem name '{name}' is not a plain name.", "Use names like vocals, background or music_and_effects (letters, digits, _ and -).");
            var path = InputPath.Require(paths, file, $"stems.{name}");
            var info = await media.ProbeAsync(path, ct).ConfigureAwait(false);
            var audio = info.FirstAudio ?? throw new InputException($"The stem '{name}' ('{file}') has no audio stream.", "Give the WAV files separate_audio wrote.");
            stems.Add(new HandedStem(name, path, audio.SampleRate ?? 0, audio.Channels ?? 0, Math.Round(audio.Duration ?? info.Duration, 3)));
        }
        return stems;
    }

    /// <summary>stems/NAME.ext: where a stem sits in the package.</summary>
    private static string StemEntry(string name, string path) => $"stems/{name}{Path.GetExtension(path).ToLowerInvariant()}";

    /// <summary>The single dub or the list, each checked: a mix that exists, a language, names that do not collide.</summary>
    internal static List<DubSpec> DubsOf(ExportArguments a, IPathPolicy paths)
    {
        if (a.Dubs is { Count: > 0 } && a.Mix is not null)
            throw new InputException("Both 'mix' and 'dubs' were given.", "Use 'mix' and 'language' for one dub, or 'dubs' for several, not both.");
        var dubs = a.Dubs is { Count: > 0 }
            ? a.Dubs
            : a.Mix is not null
                ? [new DubSpec { Mix = a.Mix, Language = a.Language ?? "", Voice = a.Voice, Subtitles = a.Subtitles, Translation = a.Translation, Placements = a.Placements }]
                : throw new InputException("Nothing to export: no 'mix' and no 'dubs'.", "Give 'mix' (mix.wav from the mix tool) and 'language', or a 'dubs' list.");
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var checkedDubs = new List<DubSpec>();
        foreach (var dub in dubs)
        {
            var language = dub.Language?.Trim() ?? "";
            if (language.Length is < 2 or > 8 || !language.All(c => char.IsLetter(c) || c == '-'))
                throw new InputException($"The dub of '{dub.Mix}' has no valid language ('{dub.Language}').", "Give an ISO 639-1 code such as 'es'.");
            var mix = InputPath.Require(paths, dub.Mix, "mix");
            if (!stems.Add(DubbedFileName.Stem(dub.Voice, language, a.Video)))
                throw new InputException($"Two dubs would both be named '{DubbedFileName.Stem(dub.Voice, language, a.Video)}'.",
                    "Give each dub of the same language a different 'voice' name.");
            checkedDubs.Add(new DubSpec
            {
                Mix = mix,
                Language = language.ToLowerInvariant(),
                Voice = string.IsNullOrWhiteSpace(dub.Voice) ? null : dub.Voice.Trim(),
                // Checked now, so a bad subtitle fails the call before any video is written.
                Subtitles = dub.Subtitles?.Select(s => SubtitleFile.From(InputPath.Require(paths, s, "subtitles"), language, "subtitles").Path).ToList(),
                Translation = dub.Translation is null ? null : InputPath.Require(paths, dub.Translation, "translation"),
                Placements = dub.Placements is null ? null : InputPath.Require(paths, dub.Placements, "placements"),
            });
        }
        return checkedDubs;
    }

    private static string Bitrate(string? bitrate)
    {
        var b = string.IsNullOrWhiteSpace(bitrate) ? "192k" : bitrate.Trim();
        if (!(b.EndsWith('k') && int.TryParse(b[..^1], out var k) && k is >= 32 and <= 512))
            throw new InputException($"audio_bitrate '{bitrate}' is not a bitrate from 32k to 512k.", "Use for example '192k'.");
        return b;
    }

    /// <summary>The top-level "engine" of a JSON artifact, or null.</summary>
    private static string? EngineNamedIn(string? jsonPath)
    {
        if (jsonPath is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
            return doc.RootElement.ValueKind == JsonValueKind.Object ? JobProvenance.Text(doc.RootElement, "engine") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MixResult? MixRecord(string mixPath)
    {
        var record = Path.Combine(Path.GetDirectoryName(mixPath)!, MixTool.RecordName);
        if (!File.Exists(record)) return null;
        try
        {
            var mix = JsonSerializer.Deserialize<MixResult>(File.ReadAllText(record), DubAgentJson.Options);
            // Only a record of this very file counts.
            return mix is not null && Path.GetFullPath(mix.Path) == Path.GetFullPath(mixPath) ? mix : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ManifestRecipe? RecipeOf(ExportArguments a, JobProvenance provenance, IPathPolicy paths)
    {
        var name = a.Recipe ?? provenance.Recipe;
        var file = a.RecipeFile ?? provenance.RecipeFile;
        if (name is null && file is null) return null;
        string? text = null;
        if (file is not null)
        {
            var full = a.RecipeFile is not null ? InputPath.Require(paths, file, "recipe_file") : Path.GetFullPath(file);
            if (File.Exists(full))
            {
                text = File.ReadAllText(full);
                if (text.Length > MaxRecipeChars) text = text[..MaxRecipeChars];
            }
            name ??= Path.GetFileNameWithoutExtension(full);
        }
        return new ManifestRecipe(name, file is null ? null : Path.GetFileName(file), text);
    }
}
