using System.ComponentModel;

namespace DubAgent.Engines.Mixing;

/// <summary>Arguments of the `mix` tool.</summary>
public sealed class MixArguments
{
    [Description("The dubbed dialogue track (voice.wav from synthesize).")]
    public required string Voice { get; set; }

    [Description("Separated route: the background stem (background.wav from separate_audio). Give this or 'original', not both.")]
    public string? Background { get; set; }

    [Description("Separated route: the vocals stem of the same separation (vocals.wav from separate_audio). With it the mix takes what the separation left of the original voice out of the background, band by band while the original speaker talks, so the original speech is not heard under the dub; music without voice is left as it is.")]
    public string? Vocals { get; set; }

    [Description("Separated route: the transcript of the original speech (transcript.json from transcribe or diarize). With it and 'vocals', the voice's remains are cut only around its lines, so music between the lines keeps its level even where the separation let some of it into the vocals stem.")]
    public string? Transcript { get; set; }

    [Description("How deep the original voice's remains are cut from the background where the voice was loud, in dB, 0 to 60 (default 30; 0 leaves the background as separated). Used with 'vocals'.")]
    public double VoiceResidueDepthDb { get; set; } = 30;

    [Description("Plain route: the original audio (original.wav from separate_audio's ffmpeg engine, or the video itself); the dub is laid over it at a reduced level.")]
    public string? Original { get; set; }

    [Description("Optional background music (.wav, .mp3, .m4a): looped seamlessly to the video's length, cut exactly, with a 1 s fade in and out.")]
    public string? Music { get; set; }

    [Description("Optional source video: the mix is made exactly as long as it. Without it, the length is that of the background/original (or of the voice).")]
    public string? Video { get; set; }

    [Description("Gain of the voice track, 0 to 2 (default 1.0).")]
    public double VoiceVolume { get; set; } = 1.0;

    [Description("Gain of the original audio on the plain route, 0 to 1 (default 0.4).")]
    public double OriginalVolume { get; set; } = 0.4;

    [Description("Gain of the background stem on the separated route, 0 to 1 (default 0.7).")]
    public double BackgroundVolume { get; set; } = 0.7;

    [Description("Gain of the music, 0 to 1 (default 0.3).")]
    public double MusicVolume { get; set; } = 0.3;

    [Description("How far background and music dip under the voice, in dB, 0 to 40 (default 10; 0 turns ducking off).")]
    public double DuckDepthDb { get; set; } = 10;

    [Description("Voice level in dBFS at which ducking reaches its full depth, -70 to -10 (default -40); quieter voice ducks less.")]
    public double DuckThresholdDb { get; set; } = -40;

    [Description("How fast the ducking engages when the voice starts, in ms, 1 to 1000 (default 20).")]
    public double DuckAttackMs { get; set; } = 20;

    [Description("How slowly the ducking lets go after the voice stops, in ms, 10 to 5000 (default 800: the bed is back about that long after the voice stops, and does not pump in the gaps between words).")]
    public double DuckReleaseMs { get; set; } = 800;

    [Description("Loudness preset: 'streaming' (-16 LUFS, default), 'broadcast' (-23 LUFS, EBU R128) or 'custom' (give loudness_target_lufs). True peak stays at or below -1 dBTP.")]
    public string Loudness { get; set; } = "streaming";

    [Description("Integrated loudness target in LUFS for the 'custom' preset, -40 to -5.")]
    public double? LoudnessTargetLufs { get; set; }
}
