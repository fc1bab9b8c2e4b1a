using System.Globalization;

namespace DubAgent.Cli.Demo;

/// <summary>
/// The music bed: a bass note and a three-note chord, changing every four seconds through C - Am - F - G, each chord
/// softly attacked and released, faded in and out over the whole minute. Written as aevalsrc expressions.
/// </summary>
public static class DemoMusicBed
{
    public const double ChordSeconds = 4.0;

    /// <summary>Frequencies (Hz) per chord: bass, then three chord notes.</summary>
    public static IReadOnlyList<double[]> Chords { get; } =
    [
        [65.41, 261.63, 329.63, 392.00], // C major
        [55.00, 220.00, 261.63, 329.63], // A minor
        [87.31, 174.61, 220.00, 261.63], // F major
        [98.00, 196.00, 246.94, 293.66], // G major
    ];

    public static (string Left, string Right) Expressions(double seconds)
    {
        // The right channel is detuned by 0.2 %: a slow beating that makes the bed wide in stereo.
        return (Channel(seconds, 1.0), Channel(seconds, 1.002));
    }

    private static string Channel(double seconds, double detune)
    {
        var chord = $"mod(floor(t/{N(ChordSeconds)}),{Chords.Count})";
        var inChord = $"mod(t,{N(ChordSeconds)})";
        var envelope = $"min(1,{inChord}/0.05)*min(1,({N(ChordSeconds)}-{inChord})/0.5)";
        var fade = $"min(1,t/2)*min(1,({N(seconds)}-t)/2)";
        var voices = new List<string>();
        for (var voice = 0; voice < 4; voice++)
        {
            var frequency = Select(chord, Chords.Select(c => c[voice] * detune).ToList());
            var level = voice == 0 ? 0.02 : 0.012; // a bed well under the voices, as in a film mix
            voices.Add($"{N(level)}*sin(2*PI*{frequency}*t)");
        }
        return $"({string.Join("+", voices)})*{envelope}*{fade}";
    }

    /// <summary>if(eq(c,0),a,if(eq(c,1),b,...)): picks a value by chord index inside one expression.</summary>
    private static string Select(string index, IReadOnlyList<double> values)
    {
        var expression = N(values[^1]);
        for (var i = values.Count - 2; i >= 0; i--) expression = $"if(eq({index},{i}),{N(values[i])},{expression})";
        return expression;
    }

    private static string N(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
