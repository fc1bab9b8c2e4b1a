using System.Text;
using System.Text.RegularExpressions;
using DubAgent.Core.Processes;

namespace DubAgent.Engines.Translation.Apertium;

/// <summary>
/// Surnames apertium would translate ("Mary Baker" → "Mary Panadero"): the pair's own tagger marks first names
/// (&lt;np&gt;&lt;ant&gt;); a capitalized word right after one that the dictionary knows as a common word is taken for a
/// surname and kept as written. Found with the first two stages of the pair's mode (lt-proc, apertium-tagger), so every
/// pair with a tagged source dictionary gets it; a pair whose mode file cannot be read simply finds none.
/// </summary>
public sealed partial class ApertiumPersonNames(IProcessRunner runner)
{
    /// <summary>Where Debian's apertium keeps the mode files (the pipelines behind `apertium MODE`).</summary>
    public string ModesDirectory { get; init; } = "/usr/share/apertium/modes";

    public async Task<IReadOnlyList<string>> FindAsync(ApertiumPair pair, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0 || Stages(pair) is not { } stages) return [];
        var input = string.Join("\n", texts.Select(Escape)) + "\n";
        var analysed = await RunAsync(new ProcessRequest("lt-proc", [stages.Analyser]) { StandardInput = input }, cancellationToken).ConfigureAwait(false);
        if (analysed is null) return [];
        var tagged = await RunAsync(new ProcessRequest("apertium-tagger", ["-g", "-p", stages.Tagger]) { StandardInput = analysed }, cancellationToken)
            .ConfigureAwait(false);
        return tagged is null ? [] : Surnames(tagged);
    }

    /// <summary>In a tagged stream (`^surface/lemma&lt;tags&gt;$`): capitalized non-names directly after a first name.</summary>
    public static IReadOnlyList<string> Surnames(string tagged)
    {
        var found = new List<string>();
        Match? previous = null;
        foreach (Match unit in Unit().Matches(tagged))
        {
            if (previous is not null && previous.Groups["analysis"].Value.Contains("<np><ant>", StringComparison.Ordinal)
                && tagged[(previous.Index + previous.Length)..unit.Index] == " ")
            {
                var surface = unit.Groups["surface"].Value;
                var analysis = unit.Groups["analysis"].Value;
                if (surface.Length > 1 && char.IsUpper(surface[0]) && surface.All(char.IsLetter)
                    && !analysis.Contains("<np>", StringComparison.Ordinal) && !found.Contains(surface, StringComparer.Ordinal))
                    found.Add(surface);
            }
            previous = unit;
        }
        return found;
    }

    private (string Analyser, string Tagger)? Stages(ApertiumPair pair)
    {
        var file = Path.Combine(ModesDirectory, pair.Mode + ".mode");
        if (!File.Exists(file)) return null;
        var mode = File.ReadAllText(file);
        var analyser = Analyser().Match(mode);
        var tagger = Tagger().Match(mode);
        return analyser.Success && tagger.Success ? (analyser.Groups[1].Value, tagger.Groups[1].Value) : null;
    }

    /// <summary>Runs one stage; a failing stage means no names, never a failed translation.</summary>
    private async Task<string?> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(request with { Timeout = TimeSpan.FromSeconds(60) }, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>lt-proc reads its own marks (^ $ / &lt; &gt; [ ] { } @ \) as stream syntax unless escaped.</summary>
    private static string Escape(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '^' or '$' or '/' or '<' or '>' or '[' or ']' or '{' or '}' or '@' or '\\') line.Append('\\');
            line.Append(c);
        }
        return line.ToString();
    }

    [GeneratedRegex(@"\^(?<surface>(?:\\.|[^/$])*)/(?<analysis>(?:\\.|[^$])*)\$")]
    private static partial Regex Unit();

    [GeneratedRegex(@"^\s*lt-proc\s+(?:-\w\s+)*'([^']+)'")]
    private static partial Regex Analyser();

    [GeneratedRegex(@"apertium-tagger\s+-g\s+(?:\$\d\s+)?'([^']+)'")]
    private static partial Regex Tagger();
}
