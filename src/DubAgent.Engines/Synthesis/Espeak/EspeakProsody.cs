using System.Globalization;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// A voice assignment's `rate` and `pitch` on an espeak-ng persona. `rate` is a factor on the persona's words per
/// minute (`-s`, kept within espeak-ng's 80-450). `pitch` is semitones of the voice's median f0: espeak-ng scales only
/// its base pitch by 2^((p - 50) / 50) for `-p p` (pitch_adjust_tab, an octave per 50 steps), and the intonation's range
/// rides on top unscaled, so the median moves about 0.75 semitone per 50/12 steps (measured on male-mid and
/// female-mid, -8..+8). A semitone of median is therefore 5.5 steps of `-p`, kept within 0-99.
/// </summary>
public static class EspeakProsody
{
    public const double StepsPerSemitone = 5.5;

    public static (int Pitch, int Rate) For(EspeakPersona persona, IReadOnlyDictionary<string, string>? options)
    {
        var rate = Number(options, "rate") is { } factor
            ? factor > 0 ? (int)Math.Clamp(Math.Round(persona.Rate * factor), 80, 450) : throw Bad("rate", factor, "a factor above 0 (1 = the voice's own)")
            : persona.Rate;
        var pitch = Number(options, "pitch") is { } semitones
            ? (int)Math.Clamp(Math.Round(persona.Pitch + semitones * StepsPerSemitone), 0, 99)
            : persona.Pitch;
        return (pitch, rate);
    }

    private static double? Number(IReadOnlyDictionary<string, string>? options, string key)
    {
        if (options?.TryGetValue(key, out var text) != true || string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InputException($"The espeak-ng option {key} '{text}' is not a number.", "Give the voice's rate as a factor (1.1) and its pitch in semitones (-2).");
    }

    private static InputException Bad(string key, double value, string want) =>
        new($"The espeak-ng option {key} {value.ToString(CultureInfo.InvariantCulture)} is out of range.", $"Use {want}.");
}
