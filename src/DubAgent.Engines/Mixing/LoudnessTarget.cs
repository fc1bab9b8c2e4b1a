using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Mixing;

/// <summary>A loudness preset resolved to an integrated target and a true-peak ceiling.</summary>
public sealed record LoudnessTarget(string Preset, double IntegratedLufs)
{
    /// <summary>The ceiling the product promises (-1 dBTP).</summary>
    public const double PromisedCeilingDbtp = -1.0;

    /// <summary>The mix is held 0.5 dB lower so the AAC encoder's overshoot in `export` stays under the promise.</summary>
    public const double MixCeilingDbtp = -1.5;

    public static LoudnessTarget Resolve(string? preset, double? customLufs)
    {
        var name = string.IsNullOrWhiteSpace(preset) ? "streaming" : preset.Trim().ToLowerInvariant();
        if (name != "custom" && customLufs is not null)
            throw new InputException($"loudness_target_lufs ({customLufs}) is only used with loudness 'custom', not '{name}'.",
                "Set loudness to 'custom', or drop loudness_target_lufs.");
        return name switch
        {
            "streaming" => new LoudnessTarget(name, -16),
            "broadcast" => new LoudnessTarget(name, -23),
            "custom" when customLufs is null => throw new InputException("loudness 'custom' needs loudness_target_lufs.",
                "Give loudness_target_lufs between -40 and -5 LUFS (e.g. -14)."),
            "custom" when customLufs is < -40 or > -5 || double.IsNaN(customLufs.Value) => throw new InputException(
                $"loudness_target_lufs {customLufs} is out of range -40 to -5 LUFS.", "Use a value from -40 to -5 (streaming is -16, broadcast -23)."),
            "custom" => new LoudnessTarget(name, customLufs!.Value),
            _ => throw new InputException($"Unknown loudness preset '{preset}'.",
                "Use 'streaming' (-16 LUFS), 'broadcast' (-23 LUFS) or 'custom' with loudness_target_lufs."),
        };
    }
}
