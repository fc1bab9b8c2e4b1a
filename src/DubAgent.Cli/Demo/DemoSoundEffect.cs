namespace DubAgent.Cli.Demo;

/// <summary>A short sound effect as two aevalsrc expressions (left, right) and its length.</summary>
public sealed record DemoSoundEffect(string Name, string Left, string Right, double Seconds)
{
    /// <summary>A door closing: a low thump (55 and 110 Hz, quick decay) with a short click, heard from the left.</summary>
    public static DemoSoundEffect Door { get; } = new("door",
        "(0.8*sin(2*PI*55*t)+0.4*sin(2*PI*110*t))*exp(-9*t)+0.3*(random(0)*2-1)*exp(-60*t)",
        "0.6*((0.8*sin(2*PI*55*t)+0.4*sin(2*PI*110*t))*exp(-9*t)+0.3*(random(0)*2-1)*exp(-60*t))",
        0.7);

    /// <summary>A hit: a burst of white noise that dies within a tenth of a second.</summary>
    public static DemoSoundEffect Hit { get; } = new("hit",
        "0.9*(random(0)*2-1)*exp(-25*t)",
        "0.9*(random(1)*2-1)*exp(-25*t)",
        0.35);

    /// <summary>A noise burst that swells and fades (a gust, a passing car).</summary>
    public static DemoSoundEffect NoiseBurst { get; } = new("noise burst",
        "0.35*(random(0)*2-1)*sin(PI*t/0.8)",
        "0.35*(random(1)*2-1)*sin(PI*t/0.8)",
        0.8);
}
