using DubAgent.Abstractions.Tools;
using System.ComponentModel;

namespace DubAgent.Engines.Subtitles;

public sealed class WriteSubtitlesArguments
{
    [Description("Path of a translation.json (from translate) or a transcript.json (from transcribe/diarize).")]
    public required string Input { get; set; }

    [Description("Which text: 'source', 'target' or 'both' (default: both for a translation, source for a transcript).")]
    public string? Text { get; set; }

    [Description("Formats to write: 'srt', 'vtt' or both (default both).")]
    public List<string>? Formats { get; set; }

    [Description("Most characters per line (default 42).")]
    public int? MaxLineLength { get; set; }

    [Description("Most lines per cue (default 2).")]
    public int? MaxLines { get; set; }

    [Description("Reading speed limit in characters per second (default 17); faster cues are lengthened into the following silence.")]
    public double? MaxCharsPerSecond { get; set; }

    [Description("Prefix each cue with its speaker (SRT 'SPEAKER_00: ', WebVTT voice span). Default false.")]
    public bool SpeakerLabels { get; set; }

    [Description("File name stem (default 'subtitles': subtitles.en.srt, subtitles.es.vtt ...).")]
    [OutputPath]
    public string? Name { get; set; }
}
