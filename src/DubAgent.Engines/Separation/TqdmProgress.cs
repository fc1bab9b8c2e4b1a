using System.Globalization;
using System.Text.RegularExpressions;

namespace DubAgent.Engines.Separation;

/// <summary>Reads the percentage of tqdm progress bars (" 45%|████      | 12.5/27.3 [...]") that Demucs and audio-separator print to stderr.</summary>
public static partial class TqdmProgress
{
    public static double? Fraction(string line)
    {
        var match = Percent().Match(line);
        return match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            ? Math.Clamp(p / 100, 0, 1) : null;
    }

    [GeneratedRegex(@"(\d{1,3}(?:\.\d+)?)%\|")]
    private static partial Regex Percent();
}
