using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Transcription;

public sealed class TranscribeArguments : IEngineArguments
{
    [Description("Audio or video file to transcribe (ideally the vocals stem from separate_audio); for engine 'subtitles', an .srt or .vtt file.")]
    public required string Input { get; set; }

    [Description("Spoken language as an ISO 639-1 code ('en', 'es'), or 'auto'. Optional: engines that can detect it do; whisper checks it against what it hears and stops on a clear mismatch; pocketsphinx is English only.")]
    public string? Language { get; set; }

    [Description("Engine: 'whisper' (in process, model from `dubagent models`), 'openai' (OpenAI-compatible /audio/transcriptions), 'whisper-cpp' (whisper-cli), 'pocketsphinx' (built in, English), 'subtitles' (import .srt/.vtt). Default: 'subtitles' for .srt/.vtt input, else the first that can run here.")]
    public string? Engine { get; set; }

    [Description("Keep per-word timings in the transcript when the engine gives them (default true).")]
    public bool? Words { get; set; }

    [Description("Output file name or path (default transcript.json in the step's folder).")]
    [OutputPath]
    public string? Output { get; set; }
}
