namespace DubAgent.Core.Expressions;

public enum TokenKind
{
    Identifier, Number, String, True, False, Null,
    Dot, LeftParen, RightParen,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    And, Or, Not,
    End,
}

/// <param name="Offset">Index of the token's first character in the expression.</param>
public readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0);
