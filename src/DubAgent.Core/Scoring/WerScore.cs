using System.Globalization;
using System.Text;

namespace DubAgent.Core.Scoring;

/// <summary>
/// Word error rate: (substitutions + deletions + insertions) / reference words, after the usual normalisation
/// (lower case, punctuation dropped, apostrophes inside words kept).
/// </summary>
public sealed record WerScore(int Substitutions, int Deletions, int Insertions, int ReferenceWords)
{
    public double Rate => ReferenceWords > 0 ? (double)(Substitutions + Deletions + Insertions) / ReferenceWords : Insertions > 0 ? 1 : 0;

    public static WerScore Compute(string reference, string hypothesis) => Compute(Normalize(reference), Normalize(hypothesis));

    public static WerScore Compute(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        int n = reference.Count, m = hypothesis.Count;
        // Two rows of (cost, subs, dels, ins): the alignment that minimises the cost, counted by kind.
        var prev = new (int Cost, int S, int D, int I)[m + 1];
        var cur = new (int Cost, int S, int D, int I)[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = (j, 0, 0, j);
        for (var i = 1; i <= n; i++)
        {
            cur[0] = (i, 0, i, 0);
            for (var j = 1; j <= m; j++)
            {
                var diagonal = prev[j - 1];
                var match = reference[i - 1] == hypothesis[j - 1];
                (int Cost, int S, int D, int I) best = match ? diagonal : (diagonal.Cost + 1, diagonal.S + 1, diagonal.D, diagonal.I);
                var deletion = prev[j];
                if (deletion.Cost + 1 < best.Cost) best = (deletion.Cost + 1, deletion.S, deletion.D + 1, deletion.I);
                var insertion = cur[j - 1];
                if (insertion.Cost + 1 < best.Cost) best = (insertion.Cost + 1, insertion.S, insertion.D, insertion.I + 1);
                cur[j] = best;
            }
            (prev, cur) = (cur, prev);
        }
        var end = prev[m];
        return new WerScore(end.S, end.D, end.I, n);
    }

    /// <summary>Lower-case words without punctuation ("Don't," -> "don't").</summary>
    public static IReadOnlyList<string> Normalize(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || c == '\'' || c == '’') cleaned.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            else cleaned.Append(' ');
        }
        return cleaned.ToString().Replace('’', '\'')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\''))
            .Where(w => w.Length > 0)
            .ToList();
    }
}
