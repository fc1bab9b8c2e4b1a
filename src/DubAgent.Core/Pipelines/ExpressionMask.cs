using System.Globalization;
using System.Text;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Hides every `${{ ... }}` from the YAML parser behind a placeholder of the same length, so expressions may hold
/// characters YAML would read as syntax (`{ }` in flow mappings, ` #`, `: `) and every position stays exact.
/// </summary>
public sealed class ExpressionMask
{
    private const string Prefix = "$E";

    private ExpressionMask(string masked, IReadOnlyList<MaskedExpression> expressions, IReadOnlyList<RecipeProblem> problems)
    {
        Masked = masked;
        Expressions = expressions;
        Problems = problems;
    }

    public string Masked { get; }

    public IReadOnlyList<MaskedExpression> Expressions { get; }

    /// <summary>Unclosed `${{` found while masking.</summary>
    public IReadOnlyList<RecipeProblem> Problems { get; }

    public static ExpressionMask Apply(string text, string file)
    {
        var output = new StringBuilder(text.Length);
        var expressions = new List<MaskedExpression>();
        var problems = new List<RecipeProblem>();
        var lines = text.Split('\n');
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            var line = lines[lineIndex];
            var i = 0;
            while (i < line.Length)
            {
                var open = line.IndexOf("${{", i, StringComparison.Ordinal);
                if (open < 0) { output.Append(line, i, line.Length - i); break; }
                output.Append(line, i, open - i);
                var close = FindClose(line, open + 3);
                if (close < 0)
                {
                    problems.Add(new RecipeProblem(file, lineIndex + 1, open + 1, "This '${{' has no closing '}}' on the same line.",
                        "Write each expression on one line: ${{ inputs.name }}."));
                    output.Append(line, open, line.Length - open);
                    break;
                }
                var length = close + 2 - open;
                var placeholder = Placeholder(expressions.Count, length);
                if (placeholder is null)
                {
                    problems.Add(new RecipeProblem(file, lineIndex + 1, open + 1, "This expression is empty.", "Write ${{ inputs.name }} or similar."));
                    output.Append(' ', length);
                }
                else
                {
                    expressions.Add(new MaskedExpression(line[(open + 3)..close], lineIndex + 1, open + 4, length));
                    output.Append(placeholder);
                }
                i = close + 2;
            }
            if (lineIndex < lines.Length - 1) output.Append('\n');
        }
        return new ExpressionMask(output.ToString(), expressions, problems);
    }

    /// <summary>Splits a scalar's text back into literal text and the expressions its placeholders stand for.</summary>
    public IEnumerable<(string? Literal, MaskedExpression? Expression)> Split(string scalar)
    {
        var i = 0;
        while (i < scalar.Length)
        {
            var at = scalar.IndexOf(Prefix, i, StringComparison.Ordinal);
            var expression = at < 0 ? null : Resolve(scalar, at);
            if (at < 0)
            {
                yield return (scalar[i..], null);
                yield break;
            }
            if (expression is null)
            {
                yield return (scalar[i..(at + Prefix.Length)], null);
                i = at + Prefix.Length;
                continue;
            }
            if (at > i) yield return (scalar[i..at], null);
            yield return (null, expression);
            i = at + expression.Length;
        }
    }

    private MaskedExpression? Resolve(string scalar, int at)
    {
        var end = at + Prefix.Length;
        while (end < scalar.Length && char.IsAsciiDigit(scalar[end])) end++;
        if (end == at + Prefix.Length) return null;
        if (!int.TryParse(scalar[(at + Prefix.Length)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return null;
        if (index >= Expressions.Count) return null;
        var expression = Expressions[index];
        if (at + expression.Length > scalar.Length) return null;
        return scalar.AsSpan(at, expression.Length).SequenceEqual(Placeholder(index, expression.Length)) ? expression : null;
    }

    /// <summary>`$E12___` of exactly <paramref name="length"/> characters, ended by 'x' so text after it stays separate.</summary>
    private static string? Placeholder(int index, int length)
    {
        var head = Prefix + index.ToString(CultureInfo.InvariantCulture);
        if (head.Length + 1 > length) return null;
        return head + new string('_', length - head.Length - 1) + "x";
    }

    /// <summary>The index of the `}}` that closes an expression, skipping quoted strings; -1 when there is none.</summary>
    private static int FindClose(string line, int from)
    {
        var quote = '\0';
        for (var i = from; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"') { quote = c; continue; }
            if (c == '}' && i + 1 < line.Length && line[i + 1] == '}') return i;
        }
        return -1;
    }
}

/// <param name="Text">The text between `${{` and `}}`.</param>
/// <param name="Column">1-based column of the first character of <paramref name="Text"/>.</param>
/// <param name="Length">Length of the whole `${{ ... }}`.</param>
public sealed record MaskedExpression(string Text, int Line, int Column, int Length);
