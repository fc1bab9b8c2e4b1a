using System.Text;

namespace DubAgent.Server.Live.Translation;

/// <summary>
/// Reads an apertium mode file (`/usr/share/apertium/modes/eng-spa.mode`: one line of programs joined by `|`, paths in
/// single quotes) into argument arrays, each program in null-flush mode (`-z`), `$1` the generator's marked mode
/// (`-g`, as `apertium` runs it) and `$2` (the tagger's extra option) left out.
/// </summary>
public static class ApertiumModeFile
{
    public const string ModesDirectory = "/usr/share/apertium/modes";

    public static IReadOnlyList<string[]> Read(string modePath) => Parse(File.ReadAllText(modePath));

    public static IReadOnlyList<string[]> Parse(string pipeline)
    {
        var stages = new List<string[]>();
        foreach (var stage in SplitOutsideQuotes(pipeline.Trim(), '|'))
        {
            var words = SplitOutsideQuotes(stage.Trim(), ' ').Select(Unquote).Where(w => w.Length > 0 && w != "$2").ToList();
            if (words.Count == 0) continue;
            for (var i = 0; i < words.Count; i++)
                if (words[i] == "$1") words[i] = "-g";
            if (!words.Contains("-z")) words.Insert(1, "-z");
            stages.Add([.. words]);
        }
        if (stages.Count == 0) throw new FormatException("The apertium mode file names no program.");
        return stages;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text, char separator)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '\'') quoted = !quoted;
            if (c == separator && !quoted)
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        yield return current.ToString();
    }

    private static string Unquote(string word) => word.Replace("'", "", StringComparison.Ordinal).Trim();
}
