using System.Globalization;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Compares the language Whisper hears in the first speech with the declared one: another language heard with at least
/// the guard's probability stops the run (an input error naming both) before anything is translated from the wrong one.
/// </summary>
public static class LanguageGuard
{
    /// <param name="declared">The call's language; null for `auto` (nothing to check against).</param>
    public static LanguageCheck Check(string input, string? declared, string detected, double probability, double guard)
    {
        var heard = FormattableString.Invariant($"{Describe(detected)} (p {probability:0.00})");
        if (declared is null)
            return new LanguageCheck(false, detected, Math.Round(probability, 3), $"language auto: whisper heard {heard} in the first speech");
        if (!detected.Equals(declared, StringComparison.OrdinalIgnoreCase) && probability >= guard)
            throw new InputException(
                $"'{Path.GetFileName(input)}' sounds like {heard}, not the declared {Describe(declared)}.",
                $"Set the language to '{detected}' (source_language in a recipe), or to 'auto' to transcribe whatever is spoken.");
        var verdict = detected.Equals(declared, StringComparison.OrdinalIgnoreCase) ? "matches" : FormattableString.Invariant($"is not sure enough to contradict (guard {guard:0.00})");
        return new LanguageCheck(true, detected, Math.Round(probability, 3),
            $"whisper heard {heard} in the first speech, which {verdict} the declared {Describe(declared)}");
    }

    /// <summary>"Spanish (es)", or the code alone when the name is unknown.</summary>
    public static string Describe(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).EnglishName;
            return string.IsNullOrEmpty(name) || name.StartsWith("Unknown", StringComparison.Ordinal) || name == code ? code : $"{name} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
