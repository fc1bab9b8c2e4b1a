using System.Globalization;

namespace DubAgent.Core.Expressions;

/// <summary>
/// Splits an expression into tokens. Anything outside the small grammar (brackets, arithmetic, assignment, commas)
/// is refused here with its offset, so nothing beyond comparisons and logic can be written.
/// </summary>
public static class ExpressionLexer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
                var word = text[start..i];
                tokens.Add(new Token(word switch
                {
                    "true" => TokenKind.True,
                    "false" => TokenKind.False,
                    "null" => TokenKind.Null,
                    _ => TokenKind.Identifier,
                }, word, start));
                continue;
            }
            if (char.IsAsciiDigit(c) || c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && !EndsOperand(tokens))
            {
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
                    throw new ExpressionException($"'{text[start..(i + 1)]}' is not a number.", start);
                tokens.Add(new Token(TokenKind.Number, text[start..i], start, double.Parse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture)));
                continue;
            }
            if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref i));
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            var kind = two switch
            {
                "==" => TokenKind.Equal,
                "!=" => TokenKind.NotEqual,
                "<=" => TokenKind.LessOrEqual,
                ">=" => TokenKind.GreaterOrEqual,
                "&&" => TokenKind.And,
                "||" => TokenKind.Or,
                _ => (TokenKind?)null,
            };
            if (kind is { } k2)
            {
                tokens.Add(new Token(k2, two, start));
                i += 2;
                continue;
            }
            TokenKind? one = c switch
            {
                '<' => TokenKind.Less,
                '>' => TokenKind.Greater,
                '!' => TokenKind.Not,
                '.' => TokenKind.Dot,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                _ => null,
            };
            if (one is null) throw Refused(c, start);
            tokens.Add(new Token(one.Value, c.ToString(), start));
            i++;
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static bool EndsOperand(List<Token> tokens) =>
        tokens.Count > 0 && tokens[^1].Kind is TokenKind.Identifier or TokenKind.Number or TokenKind.String
            or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.RightParen;

    private static Token ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (i >= text.Length)
                throw new ExpressionException("This string has no closing quote.", start, $"End it with {quote}.");
            if (text[i] == quote)
            {
                // A doubled quote stands for one quote character, as in GitHub Actions expressions.
                if (i + 1 < text.Length && text[i + 1] == quote) { value.Append(quote); i += 2; continue; }
                i++;
                return new Token(TokenKind.String, value.ToString(), start);
            }
            value.Append(text[i++]);
        }
    }

    private static ExpressionException Refused(char c, int offset) => c switch
    {
        '[' or ']' => new ExpressionException("Indexing with [ ] is not part of recipe expressions.", offset,
            "Read a named field with a dot: steps.<id>.<field>."),
        '+' or '-' or '*' or '/' or '%' => new ExpressionException($"Arithmetic ('{c}') is not part of recipe expressions.", offset,
            "Expressions compare values and combine conditions with &&, || and ! only."),
        '=' => new ExpressionException("'=' alone is not an operator; compare with '=='.", offset),
        '&' or '|' => new ExpressionException($"'{c}' alone is not an operator; use '{c}{c}'.", offset),
        ',' or ';' or '{' or '}' or '$' or '`' or '?' or ':' or '@' or '#' or '\\' => new ExpressionException(
            $"'{c}' is not part of recipe expressions.", offset,
            "Expressions hold inputs.<name>, steps.<id>.<field>, numbers, 'strings', true/false/null, comparisons, &&, ||, ! and parentheses."),
        _ => new ExpressionException($"Unexpected character '{c}'.", offset,
            "Expressions hold inputs.<name>, steps.<id>.<field>, numbers, 'strings', true/false/null, comparisons, &&, ||, ! and parentheses."),
    };
}
