using System.Globalization;

namespace DubAgent.Engines.Mixing;

/// <summary>One input of the mix graph: a file ffmpeg reads and how many channels it has.</summary>
public sealed record MixInput(string Path, int Channels, double Volume);

/// <summary>
/// Builds the ffmpeg arguments that mix voice, bed (background stem or original audio) and music into one float WAV:
/// each input is brought to the output's rate and layout and to exactly <see cref="Frames"/> frames, the bed and music
/// are summed and ducked by a sidechain compressor keyed by the voice, and the voice is laid on top.
/// </summary>
public sealed class MixGraph
{
    /// <summary>sidechaincompress's highest ratio: with a saturated key, gain reduction = (0 dB - threshold) x (1 - 1/ratio).</summary>
    private const double Ratio = 20;

    public required MixInput Voice { get; init; }
    public MixInput? Bed { get; init; }
    public MixInput? Music { get; init; }
    public required int SampleRate { get; init; }
    public required int Channels { get; init; }
    public required long Frames { get; init; }
    public DuckingSettings Ducking { get; init; } = DuckingSettings.Default;

    /// <summary>When set, the ducked bed (background + music after ducking, before the voice) is written here too.</summary>
    public string? DuckedBedPath { get; init; }

    /// <summary>Ducking happens when there is a bed, a non-zero depth and an audible voice.</summary>
    public bool Ducks => (Bed is not null || Music is not null) && Ducking.DepthDb > 0 && Voice.Volume > 0;

    /// <summary>The sidechaincompress threshold (linear) that turns a saturated key into <see cref="DuckingSettings.DepthDb"/> of reduction.</summary>
    public static double CompressorThreshold(double depthDb) => Math.Pow(10, -depthDb / (1 - 1 / Ratio) / 20);

    public IReadOnlyList<string> BuildArguments(string outputPath)
    {
        var args = new List<string>();
        var inputs = new List<(MixInput Input, string Label)> { (Voice, "voice") };
        if (Bed is not null) inputs.Add((Bed, "bed"));
        if (Music is not null) inputs.Add((Music, "music"));
        foreach (var (input, _) in inputs) args.AddRange(["-i", input.Path]);

        var graph = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (input, label) = inputs[i];
            var chain = $"[{i}:a]{Fit(input.Channels)}";
            if (label == "voice" && Ducks)
            {
                graph.Add($"{chain},asplit=2[voicein][voicekey]");
                graph.Add($"[voicein]volume={F(input.Volume)}[voice]");
                // The key is the voice made loud and hard-clipped: any voice at or above the threshold reads as 0 dBFS,
                // so the reduction is the configured depth whatever the voice's own level (no pumping with its syllables).
                graph.Add($"[voicekey]aformat=channel_layouts=mono,highpass=f=80,volume={F(-Ducking.ThresholdDb)}dB,asoftclip=type=hard[key]");
            }
            else
            {
                graph.Add($"{chain},volume={F(input.Volume)}[{label}]");
            }
        }

        string? bed = (Bed, Music) switch
        {
            (not null, not null) => Add(graph, "[bed][music]amix=inputs=2:normalize=0:duration=longest[bedsum]", "bedsum"),
            (not null, null) => "bed",
            (null, not null) => "music",
            _ => null,
        };
        if (bed is not null && Ducks)
        {
            graph.Add($"[{bed}][key]sidechaincompress=threshold={F(CompressorThreshold(Ducking.DepthDb))}:ratio={F(Ratio)}" +
                      $":attack={F(Ducking.AttackMs)}:release={F(Ducking.ReleaseMs)}:makeup=1:knee=1:detection=rms:link=maximum[ducked]");
            bed = "ducked";
        }
        if (bed is not null && DuckedBedPath is not null)
        {
            graph.Add($"[{bed}]asplit=2[bedmix][bedout]");
            bed = "bedmix";
        }
        graph.Add(bed is null
            ? $"[voice]{Exact()}[out]"
            : $"[voice][{bed}]amix=inputs=2:normalize=0:duration=longest,{Exact()}[out]");

        args.AddRange(["-filter_complex", string.Join(';', graph)]);
        args.AddRange(["-map", "[out]", "-c:a", "pcm_f32le", "-f", "wav", outputPath]);
        if (bed is not null && DuckedBedPath is not null)
            args.AddRange(["-map", "[bedout]", "-c:a", "pcm_f32le", "-f", "wav", DuckedBedPath]);
        return args;
    }

    /// <summary>Resamples, maps channels (mono is copied to both sides of stereo at full level) and pads or cuts to the exact length.</summary>
    private string Fit(int inputChannels)
    {
        var parts = new List<string> { $"aresample={SampleRate}" };
        if (inputChannels == 1 && Channels == 2) parts.Add("pan=stereo|c0=c0|c1=c0");
        parts.Add($"aformat=sample_fmts=fltp:sample_rates={SampleRate}:channel_layouts={ChannelLayouts.For(Channels)}");
        parts.Add(Exact());
        return string.Join(',', parts);
    }

    private string Exact() => $"apad=whole_len={Frames},atrim=end_sample={Frames}";

    private static string Add(List<string> graph, string filter, string label)
    {
        graph.Add(filter);
        return label;
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
