using System.Globalization;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>"es" to "Spanish" for prompts: models follow a language's name more reliably than its code.</summary>
public static class LanguageNames
{
    public static string For(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return string.IsNullOrEmpty(culture.EnglishName) || culture.EnglishName.Contains("Unknown", StringComparison.Ordinal)
                ? code
                : $"{culture.EnglishName} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
