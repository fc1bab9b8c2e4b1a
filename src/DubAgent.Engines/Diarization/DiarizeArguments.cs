using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Diarization;

public sealed class DiarizeArguments : IEngineArguments
{
    [Description("Audio or video file whose speakers to find (ideally the vocals stem from separate_audio).")]
    public required string Input { get; set; }

    [Description("Optional transcript.json from transcribe: every segment gets the speaker who talks over most of it, and a segment with word times that spans a speaker change is split there. Without it the speaker turns themselves are returned as segments with empty text.")]
    public string? Transcript { get; set; }

    [Description("Exact number of speakers when known; leave it out (or 0) to find it automatically.")]
    public int? NumSpeakers { get; set; }

    [Description("Lower bound on the number of speakers when it is found automatically.")]
    public int? MinSpeakers { get; set; }

    [Description("Upper bound on the number of speakers when it is found automatically.")]
    public int? MaxSpeakers { get; set; }

    [Description("Engine: 'embeddings' (speaker-embedding model from the model store), 'pyannote' (pyannote.audio, needs Python and HF_TOKEN) or 'mfcc' (built in, no model). Default: the first that can run here.")]
    public string? Engine { get; set; }

    [Description("Output file name or path (default transcript.json in the step's folder).")]
    [OutputPath]
    public string? Output { get; set; }
}
