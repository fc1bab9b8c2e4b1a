namespace DubAgent.Core.Expressions;

/// <summary>
/// Recursive descent over the grammar
/// <code>
/// or      := and ( '||' and )*
/// and     := compare ( '&amp;&amp;' compare )*
/// compare := unary ( ( '==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' ) unary )?
/// unary   := '!' unary | primary
/// primary := number | string | true | false | null | path | '(' or ')'
/// path    := identifier ( '.' identifier )*
/// </code>
/// A name followed by '(' is refused: there are no functions or methods to call.
/// </summary>
public sealed class ExpressionParser
{
    private readonly IReadOnlyList<Token> _tokens;
    private int _position;

    private ExpressionParser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    public static ExpressionNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ExpressionException("The expression is empty.", 0, "Write something inside ${{ }}, e.g. ${{ inputs.video }}.");
        var parser = new ExpressionParser(ExpressionLexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
            throw new ExpressionException($"Unexpected '{parser.Current.Text}' after a complete expression.", parser.Current.Offset,
                "Join conditions with && or ||.");
        return node;
    }

    private Token Current => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Next();
            left = new BinaryNode(TokenKind.Or, left, ParseAnd(), op.Offset);
        }
        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseCompare();
        while (Current.Kind == TokenKind.And)
        {
            var op = Next();
            left = new BinaryNode(TokenKind.And, left, ParseCompare(), op.Offset);
        }
        return left;
    }

    private ExpressionNode ParseCompare()
    {
        var left = ParseUnary();
        if (IsComparison(Current.Kind))
        {
            var op = Next();
            var right = ParseUnary();
            if (IsComparison(Current.Kind))
                throw new ExpressionException("Comparisons cannot be chained.", Current.Offset, "Write (a < b) && (b < c).");
            return new BinaryNode(op.Kind, left, right, op.Offset);
        }
        return left;
    }

    private static bool IsComparison(TokenKind kind) => kind is TokenKind.Equal or TokenKind.NotEqual
        or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;

    private ExpressionNode ParseUnary()
    {
        if (Current.Kind == TokenKind.Not)
        {
            var op = Next();
            return new NotNode(ParseUnary(), op.Offset);
        }
        return ParsePrimary();
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number: return new LiteralNode(ExpressionValue.Of(token.Number), token.Offset);
            case TokenKind.String: return new LiteralNode(ExpressionValue.Of(token.Text), token.Offset);
            case TokenKind.True: return new LiteralNode(ExpressionValue.Of(true), token.Offset);
            case TokenKind.False: return new LiteralNode(ExpressionValue.Of(false), token.Offset);
            case TokenKind.Null: return new LiteralNode(ExpressionValue.Null, token.Offset);
            case TokenKind.LeftParen:
                var inner = ParseOr();
                if (Current.Kind != TokenKind.RightParen)
                    throw new ExpressionException(Current.Kind == TokenKind.End ? "A '(' is not closed." : $"Expected ')' but found '{Current.Text}'.",
                        Current.Offset);
                Next();
                return inner;
            case TokenKind.Identifier:
                return ParsePath(token);
            case TokenKind.End:
                throw new ExpressionException("The expression ends where a value was expected.", token.Offset);
            default:
                throw new ExpressionException($"Expected a value but found '{token.Text}'.", token.Offset);
        }
    }

    private PathNode ParsePath(Token first)
    {
        var segments = new List<string> { first.Text };
        while (Current.Kind == TokenKind.Dot)
        {
            Next();
            var name = Next();
            if (name.Kind is not (TokenKind.Identifier or TokenKind.True or TokenKind.False or TokenKind.Null))
                throw new ExpressionException("Expected a field name after '.'.", name.Offset);
            segments.Add(name.Text);
        }
        if (Current.Kind == TokenKind.LeftParen)
            throw new ExpressionException($"'{string.Join('.', segments)}(' looks like a call; recipe expressions cannot call functions or methods.",
                Current.Offset, "Compare values with ==, !=, <, <=, >, >= and combine with &&, ||, !.");
        return new PathNode(segments, first.Offset);
    }
}
