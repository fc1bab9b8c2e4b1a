using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Separation;

public sealed class SeparateAudioArguments : IEngineArguments
{
    [Description("Path of the source video or audio file.")]
    public required string Input { get; init; }

    [Description("Separation engine: demucs (neural, keeps music; films), mdx (UVR MDX-Net vocal models in process, from the model store; talk shows, interviews), uvr (the same models through the audio-separator program), dsp (built in, no model), ffmpeg (no separation: original.wav only, for short low-budget videos). Omit for the best available.")]
    public string? Engine { get; init; }

    [Description("Folder for the stems. Default: this call's work folder.")]
    [OutputPath]
    public string? Out { get; init; }

    [Description("'two' (vocals + background, default) or 'four' (also music and sfx: Demucs' 4-stem model, or dsp's harmonic/percussive split of the background).")]
    public string? Stems { get; init; }

    [Description("Also write music_and_effects.wav, the M&E track for professionals: the background with what the separation left of the original voice taken out (as the mix does), at full level, same rate and channels. Needs a separating engine (not ffmpeg).")]
    public bool MusicAndEffects { get; init; }

    [Description("Model: a Demucs model name (htdemucs, htdemucs_ft, mdx_extra...), an mdx model id (UVR-MDX-NET-Voc_FT, Kim_Vocal_2, UVR-MDX-NET-Inst_HQ_3) or an audio-separator model file (UVR-MDX-NET-Voc_FT.onnx...). Default: the engine's configured model.")]
    public string? Model { get; init; }

    [Description("Demucs device: cpu or cuda. Default: Demucs' own choice.")]
    public string? Device { get; init; }

    [Description("Demucs --shifts: predictions with random shifts averaged (better, slower). Default 1.")]
    public int? Shifts { get; init; }

    [Description("Demucs --segment: seconds per segment (less memory when lower).")]
    public int? Segment { get; init; }
}
