namespace DubAgent.Engines.Synthesis;

/// <summary>
/// One espeak-ng voice as DubAgent casts it: a variant (`+m3`), a pitch (`-p`, 0-99) and a rate (`-s`, words per
/// minute) that together sound like a distinct person in any language espeak-ng speaks.
/// </summary>
/// <param name="RelativePitch">0 (lowest) to 1 (highest), for casting by the original speaker's pitch.</param>
public sealed record EspeakPersona(string Name, string Variant, int Pitch, int Rate, string Gender, double RelativePitch, string Description)
{
    /// <summary>The personas, from the lowest voice to the highest.</summary>
    public static IReadOnlyList<EspeakPersona> All { get; } =
    [
        // Pitches measured on Spanish speech (median f0): 80, 95, 111, 133, 143, 160, 182, 214, 237, 289 Hz.
        new("male-deep", "m1", 20, 165, "male", 0.05, "low, slow male voice"),
        new("male-low", "m3", 30, 170, "male", 0.15, "low male voice"),
        new("male-mid", "m2", 55, 175, "male", 0.25, "middle male voice"),
        new("male-bright", "m7", 70, 180, "male", 0.35, "higher, quicker male voice"),
        new("male-high", "m4", 90, 170, "male", 0.45, "high male voice"),
        new("female-low", "f4", 35, 170, "female", 0.55, "low female voice"),
        new("female-mid", "f1", 48, 175, "female", 0.65, "middle female voice"),
        new("female-warm", "f2", 58, 165, "female", 0.75, "warm, slower female voice"),
        new("female-high", "f3", 70, 180, "female", 0.85, "high female voice"),
        new("female-bright", "f5", 82, 185, "female", 0.95, "highest, quick female voice"),
    ];

    public static EspeakPersona? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
