namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The languages `espeak-ng --voices` lists (its Language column and the "Other Languages" aliases), and the
/// espeak-ng voice to use for an ISO 639-1 code.
/// </summary>
public sealed class EspeakLanguages
{
    private readonly Dictionary<string, string> _voiceFor = new(StringComparer.OrdinalIgnoreCase);

    public EspeakLanguages(string voicesListing)
    {
        foreach (var line in voicesListing.Split('\n').Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4 || !int.TryParse(columns[0], out _)) continue;
            var language = columns[1];
            if (language == "variant") continue;
            _voiceFor.TryAdd(language, language);
            // "Other Languages" look like "(zh-cmn 5)(zh 5)".
            var rest = line[(line.IndexOf(columns[3], StringComparison.Ordinal) + columns[3].Length)..];
            foreach (var alias in rest.Split('(', StringSplitOptions.RemoveEmptyEntries))
            {
                var code = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim(')');
                if (!string.IsNullOrEmpty(code) && !code.Contains('/')) _voiceFor.TryAdd(code, language);
            }
        }
    }

    /// <summary>Every language code espeak-ng answers to.</summary>
    public IReadOnlyList<string> Codes => _voiceFor.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The espeak-ng voice for a language code (`es`, `pt-BR`, `zh`), or null if it has none.</summary>
    public string? VoiceFor(string language)
    {
        var code = language.Replace('_', '-');
        if (_voiceFor.TryGetValue(code, out var voice)) return voice;
        var primary = code.Split('-')[0];
        return _voiceFor.GetValueOrDefault(primary);
    }
}
