using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Translation;

/// <summary>The glossary and do-not-translate names of a run, from the call's arguments and a glossary file.</summary>
public sealed record GlossaryInput(IReadOnlyDictionary<string, string> Glossary, IReadOnlyList<string> DoNotTranslate)
{
    public bool IsEmpty => Glossary.Count == 0 && DoNotTranslate.Count == 0;
}

/// <summary>
/// Reads a glossary file: JSON <c>{"glossary": {"term": "translation"}, "do_not_translate": ["Name"]}</c>, or text with
/// one entry a line, <c>term = translation</c> for the glossary and a bare <c>Name</c> to keep as written (# starts a
/// comment). Entries given as arguments win over the file's.
/// </summary>
public static class GlossaryFile
{
    private sealed record JsonShape(Dictionary<string, string>? Glossary, List<string>? DoNotTranslate);

    public static GlossaryInput Merge(string? path, IReadOnlyDictionary<string, string>? glossary, IReadOnlyList<string>? doNotTranslate)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        if (path is not null) Read(path, terms, names);
        foreach (var (term, translation) in glossary ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(term) || string.IsNullOrWhiteSpace(translation))
                throw new InputException($"The glossary entry '{term}' has no translation.", "Give every glossary term the translation to use, or list it under do_not_translate.");
            terms[term.Trim()] = translation.Trim();
        }
        foreach (var name in doNotTranslate ?? []) if (!string.IsNullOrWhiteSpace(name)) names.Add(name.Trim());
        return new GlossaryInput(terms, names.Distinct(StringComparer.Ordinal).ToList());
    }

    private static void Read(string path, Dictionary<string, string> terms, List<string> names)
    {
        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith('{'))
        {
            JsonShape? shape;
            try
            {
                shape = JsonSerializer.Deserialize<JsonShape>(text, DubAgentJson.Options);
            }
            catch (JsonException e)
            {
                throw new InputException($"The glossary file {path} is not valid JSON: {e.Message}",
                    "Write {\"glossary\": {\"term\": \"translation\"}, \"do_not_translate\": [\"Name\"]}, or one 'term = translation' a line in a text file.");
            }
            foreach (var (term, translation) in shape?.Glossary ?? []) if (!string.IsNullOrWhiteSpace(term)) terms[term.Trim()] = translation?.Trim() ?? "";
            names.AddRange((shape?.DoNotTranslate ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()));
        }
        else
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Split('#')[0].Trim();
                if (line.Length == 0) continue;
                var cut = line.IndexOf('=');
                if (cut < 0) names.Add(line);
                else terms[line[..cut].Trim()] = line[(cut + 1)..].Trim();
            }
        }
        foreach (var (term, translation) in terms)
            if (term.Length == 0 || translation.Length == 0)
                throw new InputException($"The glossary file {path} has an entry without a term or a translation ('{term} = {translation}').",
                    "Write 'term = translation', or the bare name to keep it as written.");
    }
}
