using System.ComponentModel;

namespace DubAgent.Engines.Export;

/// <summary>Arguments of the `export` tool.</summary>
public sealed class ExportArguments
{
    [Description("The source video: its video stream is copied untouched into every dubbed video. A file with no video stream is exported as audio only (.m4a), with a note.")]
    public required string Video { get; set; }

    [Description("One dub: the finished soundtrack (mix.wav from mix). For several languages or casts use 'dubs' instead.")]
    public string? Mix { get; set; }

    [Description("One dub: its language (ISO 639-1, e.g. 'es'), set as the audio track's language tag.")]
    public string? Language { get; set; }

    [Description("One dub: optional voice or cast name; the file is named '{voice or language}_{video name}_dubbed.mp4'.")]
    public string? Voice { get; set; }

    [Description("One dub: subtitle files (.srt/.vtt from write_subtitles) in the dub's language; language taken from a '.xx.srt' name, else 'language'.")]
    public List<string>? Subtitles { get; set; }

    [Description("One dub: translation.json, packaged with the video.")]
    public string? Translation { get; set; }

    [Description("One dub: placements.json from synthesize, for the voice and engine per speaker in the manifest.")]
    public string? Placements { get; set; }

    [Description("Several dubs in one call (languages or voice casts): one video each, one zip for all. Each item has mix, language and optionally voice, subtitles, translation, placements.")]
    public List<DubSpec>? Dubs { get; set; }

    [Description("Language of the original (ISO 639-1, e.g. 'en'): tags the original audio track and the source subtitles.")]
    public string? SourceLanguage { get; set; }

    [Description("Keep the original audio as a second audio track in each video (default false).")]
    public bool KeepOriginalAudio { get; set; }

    [Description("Source-language subtitle files (.srt/.vtt), shared by every video.")]
    public List<string>? SourceSubtitles { get; set; }

    [Description("Also put the subtitles into the videos as subtitle streams (mov_text), besides the files (default false).")]
    public bool EmbedSubtitles { get; set; }

    [Description("transcript.json, packaged once for all videos.")]
    public string? Transcript { get; set; }

    [Description("Stems to hand over with the dub, stem name to WAV file (separate_audio's stems: vocals, background, music_and_effects...): every manifest lists them, and with package_stems they go into the package under stems/.")]
    public Dictionary<string, string>? Stems { get; set; }

    [Description("Put the given stems into the package zip under stems/ (default true; false lists them in the manifests only).")]
    public bool PackageStems { get; set; } = true;

    [Description("Name of the recipe that made the dub, for the manifest (taken from the job's record when run by a recipe).")]
    public string? Recipe { get; set; }

    [Description("Path of the recipe YAML; its text goes into the manifest.")]
    public string? RecipeFile { get; set; }

    [Description("Write the package zip with every video, subtitle, transcript, translation and manifest (default true).")]
    public bool Package { get; set; } = true;

    [Description("AAC bitrate of the dubbed audio (default 192k).")]
    public string AudioBitrate { get; set; } = "192k";
}

/// <summary>One dubbed version of the video.</summary>
public sealed class DubSpec
{
    [Description("The finished soundtrack (mix.wav from mix).")]
    public required string Mix { get; set; }

    [Description("Language of the dub (ISO 639-1, e.g. 'es').")]
    public required string Language { get; set; }

    [Description("Optional voice or cast name, used in the file name instead of the language.")]
    public string? Voice { get; set; }

    [Description("Subtitle files (.srt/.vtt) in the dub's language.")]
    public List<string>? Subtitles { get; set; }

    [Description("translation.json of this dub.")]
    public string? Translation { get; set; }

    [Description("placements.json of this dub (voice and engine per speaker).")]
    public string? Placements { get; set; }
}
