using System.Text.RegularExpressions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Text → Piper's phonemes with espeak-ng, as piper-phonemize does it: per clause the IPA espeak-ng writes
/// (`espeak-ng -q --ipa -v VOICE`), followed by the clause's punctuation (which espeak-ng drops but Piper's voices were
/// trained with), clauses joined by a space; sentences (ending . ! ?) are kept apart, each spoken on its own.
/// </summary>
public sealed partial class EspeakPhonemizer(IProcessRunner runner, IConfiguration configuration)
{
    private string Program => EspeakNgOptions.From(configuration).Program;

    /// <summary>The phonemes of each sentence of <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<string>> PhonemizeAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var sentences = new List<string>();
        var current = new List<string>();
        foreach (var (clause, punctuation) in Clauses(text))
        {
            var ipa = await IpaAsync(clause, voice, cancellationToken).ConfigureAwait(false);
            if (ipa.Length > 0 || punctuation.Length > 0) current.Add(ipa + punctuation);
            if (punctuation is "." or "!" or "?" && current.Count > 0)
            {
                sentences.Add(string.Join(' ', current));
                current.Clear();
            }
        }
        if (current.Count > 0) sentences.Add(string.Join(' ', current));
        return sentences.Where(s => s.Trim().Length > 0).ToList();
    }

    /// <summary>espeak-ng's own IPA for one clause (its lines joined by spaces).</summary>
    public async Task<string> IpaAsync(string clause, string voice, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clause)) return "";
        var result = await runner.RunAsync(new ProcessRequest(Program, ["-q", "--ipa", "-v", voice, "--stdin"])
        {
            StandardInput = clause,
            Timeout = TimeSpan.FromSeconds(30 + clause.Length / 50.0),
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new EngineFailedException("piper", $"espeak-ng could not phonemize \"{EspeakSynthesizer.Preview(clause)}\" with voice '{voice}' (exit code {result.ExitCode})",
                "Check that espeak-ng has the voice's language (`espeak-ng --voices`).", result.StderrTail);
        return string.Join(' ', result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Clauses with the punctuation that ends them ("" for the last when it has none).</summary>
    public static IEnumerable<(string Clause, string Punctuation)> Clauses(string text)
    {
        var position = 0;
        foreach (Match m in ClauseEnd().Matches(text))
        {
            yield return (text[position..m.Index].Trim(), m.Value.Trim()[..1]);
            position = m.Index + m.Length;
        }
        if (position < text.Length && text[position..].Trim().Length > 0) yield return (text[position..].Trim(), "");
    }

    [GeneratedRegex(@"[.,;:!?]+(\s+|$)")]
    private static partial Regex ClauseEnd();
}
